// A callee with a defaulted std::stop_token, called without it from a
// function that received one: the chain is cut silently.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok = {});
void store(std::stop_token tok = std::stop_token());
void load(int id, int retries = 3, std::stop_token tok = {});

void handle(int id, std::stop_token st) {
  fetch(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: token 'st' is received here; if 'fetch' is meant to run detached, list it in IgnoredCallees or add NOLINT(ctx-broken-propagation) with the reason
  // CHECK-FIXES: fetch(id, st);
}

void handle_no_args(std::stop_token st) {
  store();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'store' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: token 'st' is received here
  // CHECK-FIXES: store(st);
}

void handle_not_first(std::stop_token st) {
  // The token is not the first defaulted parameter: passing it would need
  // the value of 'retries' too, so no fix.
  load(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'load' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-5]]:39: note: token 'st' is received here
  // CHECK-FIXES: load(1);
}
