// libunifex and stdexec: a default-constructed inplace_stop_token belongs to
// no source and is never stopped.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stdexec/stop_token.hpp>
#include <unifex/inplace_stop_token.hpp>

int step(int n, unifex::inplace_stop_token tok);
int step2(int n, stdexec::inplace_stop_token tok);

int run(int n, unifex::inplace_stop_token tok) {
  return step(n, unifex::inplace_stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: empty token passed to 'step' is never cancelled; cancelling 'tok' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:43: note: token 'tok' is received here
  // CHECK-FIXES: return step(n, tok);
}

int run2(int n, stdexec::inplace_stop_token tok) {
  return step2(n, stdexec::inplace_stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: empty token passed to 'step2' is never cancelled; cancelling 'tok' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:45: note: token 'tok' is received here
  // CHECK-FIXES: return step2(n, tok);
}
