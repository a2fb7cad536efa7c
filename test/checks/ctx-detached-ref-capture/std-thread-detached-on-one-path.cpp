// A thread joined on one path and detached on another is detached.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

void shutdown_drain(std::stop_token tok, bool blocking) {
  std::thread t([&tok] { drain(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-FIXES: std::thread t([tok] { drain(tok); });
  if (blocking) {
    t.join();
    return;
  }
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the thread is detached here
}

void assigned_later(std::stop_token tok) {
  std::thread t;
  t = std::thread([&] { drain(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: token 'tok' captured by reference
  // CHECK-FIXES: t = std::thread([&, tok] { drain(tok); });
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the thread is detached here
}
