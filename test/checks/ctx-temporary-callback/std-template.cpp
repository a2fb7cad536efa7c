// Templates are analysed once, in their primary definition.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stop_token>

template <class F>
void on_stop(std::stop_token tok, F f) {
  std::stop_callback(tok, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback stopCallback(tok, f);
}

template <class F>
void on_stop_named(std::stop_token tok, F f) {
  std::stop_callback cb(tok, f);
  f();
}

void use(std::stop_token tok) {
  on_stop(tok, [] {});
  on_stop(tok, +[] {});
  on_stop_named(tok, [] {});
}
