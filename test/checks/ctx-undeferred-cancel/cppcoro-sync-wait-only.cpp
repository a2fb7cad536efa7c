// cppcoro: a test-style source feeding one sync_wait is not a leak.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/cancellation_token.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<int> count_orders(cppcoro::cancellation_token tok);
bool fail();

int count() {
  cppcoro::cancellation_source src;
  int n = cppcoro::sync_wait(count_orders(src.token()));
  if (fail())
    return -1;
  return n;
}
