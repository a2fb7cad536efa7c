// A call written by a macro is reported, but not rewritten.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok = {});
#define FETCH_ONE() fetch(1)

void handle(std::stop_token st) {
  FETCH_ONE();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: token 'st' is received here
  // CHECK-FIXES: FETCH_ONE();
}
