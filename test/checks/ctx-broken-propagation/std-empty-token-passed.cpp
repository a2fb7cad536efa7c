// An empty std::stop_token passed explicitly where the received one could
// flow.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok);
void fetch_ref(int id, const std::stop_token &tok);

void braces(std::stop_token st) {
  fetch(1, std::stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: empty token passed to 'fetch' is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: token 'st' is received here
  // CHECK-FIXES: fetch(1, st);
}

void parens(std::stop_token st) {
  fetch_ref(2, std::stop_token());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: empty token passed to 'fetch_ref' is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: token 'st' is received here
  // CHECK-FIXES: fetch_ref(2, st);
}

void through_local(std::stop_token st) {
  std::stop_token none;
  fetch(3, none);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: empty token passed to 'fetch' is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-4]]:36: note: token 'st' is received here
  // CHECK-FIXES: fetch(3, st);
}
