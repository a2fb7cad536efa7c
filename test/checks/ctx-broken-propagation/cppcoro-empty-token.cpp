// cppcoro: a default-constructed cancellation_token can never be cancelled.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <cppcoro/cancellation_token.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<int> fetch(int id, cppcoro::cancellation_token ct);

cppcoro::task<int> handle(int id, cppcoro::cancellation_token ct) {
  int a = co_await fetch(id, cppcoro::cancellation_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: empty token passed to 'fetch' is never cancelled; cancelling 'ct' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:63: note: token 'ct' is received here
  // CHECK-FIXES: int a = co_await fetch(id, ct);
  int b = co_await fetch(id, ct);
  co_return a + b;
}
