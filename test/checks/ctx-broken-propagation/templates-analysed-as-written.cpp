// Templates are analysed as written; dependent calls are skipped, and a
// template's instantiations do not report twice.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok = {});

template <class T> void generic(T value, std::stop_token st) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:58: note: token 'st' is received here
  // CHECK-FIXES: fetch(1, st);
  fetch(1, st);
}

template <class F> void dependent(F f, std::stop_token st) {
  f(std::stop_token{});
  f();
  (void)st;
}

void use(std::stop_token st) {
  generic(1, st);
  generic(2L, st);
  dependent([](std::stop_token = {}) {}, st);
}
