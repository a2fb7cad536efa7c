// A token captured by name by reference into a detached thread: the fix
// captures a copy, which shares the stop state and lives as long as the thread.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void process_next_order();

void start_worker(std::stop_token tok) {
  std::thread([&tok] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
    // CHECK-FIXES: std::thread([tok] {
    while (!tok.stop_requested())
      process_next_order();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: note: the thread is detached here
}

void reference_parameter(const std::stop_token &tok) {
  std::thread([ & tok] { (void)tok.stop_possible(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:56: note: the thread is detached here
  // CHECK-FIXES: std::thread([ tok] { (void)tok.stop_possible(); }).detach();
}

void init_capture(std::stop_source source) {
  std::thread([&src = source, n = 3] { (void)n; (void)src.stop_requested(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cancel source 'source' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:80: note: the thread is detached here
  // CHECK-FIXES: std::thread([src = source, n = 3] { (void)n; (void)src.stop_requested(); }).detach();
}
