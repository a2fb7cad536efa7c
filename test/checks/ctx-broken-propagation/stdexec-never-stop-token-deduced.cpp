// stdexec: never_stop_token passed to a parameter deduced from it, inside a
// function that received an inplace_stop_token. No fix: the deduced type
// changes.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stdexec/stop_token.hpp>

template <class Token> int run_step(int step, Token tok) {
  return tok.stop_requested() ? -1 : step;
}

int handle(stdexec::inplace_stop_token tok) {
  int a = run_step(1, stdexec::never_stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: never-stopping token passed to 'run_step' is never cancelled; cancelling 'tok' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:40: note: token 'tok' is received here
  int b = run_step(2, tok);
  return a + b;
}

int no_token(int step) {
  // Nothing received: the never-stopping token is the right choice.
  return run_step(step, stdexec::never_stop_token{});
}
