// Several objects reported in one lambda: one combined capture-list edit on
// the first warning. The body calls request_stop() on the copy, which the
// standard declares non-const, so the lambda becomes mutable (even though
// libstdc++ declares it const).
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

bool deadline_passed();

void watchdog(std::stop_source src) {
  std::stop_token tok = src.get_token();
  std::thread t([&] {
    // CHECK-FIXES: std::thread t([&, tok, src]() mutable {
    while (!tok.stop_requested()) {
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE+7]]:5: note: the thread is detached here
      if (deadline_passed())
        src.request_stop();
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: cancel source 'src' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE+3]]:5: note: the thread is detached here
    }
  });
  t.detach();
}

void explicit_with_parameters(std::stop_source src) {
  std::thread([&src](int reason) { if (reason) src.request_stop(); }, 1).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cancel source 'src' captured by reference
  // CHECK-MESSAGES: :[[@LINE-2]]:74: note: the thread is detached here
  // CHECK-FIXES: std::thread([src](int reason) mutable { if (reason) src.request_stop(); }, 1).detach();
}
