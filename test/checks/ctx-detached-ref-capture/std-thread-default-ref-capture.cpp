// A default [&] capture whose body uses a local token: the fix adds an
// explicit by-copy capture, reported at the first use.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <string>
#include <thread>

void ship(const std::string &order_id);

void ship_later(std::stop_source &requests, std::string order_id) {
  std::stop_token tok = requests.get_token();
  std::thread([&] {
    // CHECK-FIXES: std::thread([&, tok] {
    if (!tok.stop_requested())
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
      ship(order_id);
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: note: the thread is detached here
}
