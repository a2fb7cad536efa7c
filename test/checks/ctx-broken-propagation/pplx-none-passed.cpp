// pplx: cancellation_token::none() has no parent and is never cancelled.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <pplx/pplxtasks.h>

void upload(int id, pplx::cancellation_token ct);

void handle(int id, pplx::cancellation_token ct) {
  upload(id, pplx::cancellation_token::none());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parentless token passed to 'upload' is never cancelled; cancelling 'ct' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:46: note: token 'ct' is received here
  // CHECK-FIXES: upload(id, ct);
}

void starts_a_chain(int id) {
  // Nothing received: none() is the honest choice.
  upload(id, pplx::cancellation_token::none());
}
