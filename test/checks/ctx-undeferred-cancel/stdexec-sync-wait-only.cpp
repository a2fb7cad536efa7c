// stdexec: sources feeding sync_wait are not leaks (the usual test shape).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stdexec/execution.hpp>
#include <stdexec/stop_token.hpp>

template <class Sender>
Sender with_stop_token(Sender s, stdexec::inplace_stop_token tok);
bool fail();

int blocking() {
  stdexec::inplace_stop_source src;
  auto r = stdexec::sync_wait(with_stop_token(stdexec::just(42), src.get_token()));
  if (fail() || !r)
    return 0;
  return 1;
}
