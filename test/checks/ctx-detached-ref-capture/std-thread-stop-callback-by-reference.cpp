// Objects that cannot be copied (a stop callback) or whose copy would not own
// the state: reported without a fix, with a note on how to give the task
// ownership.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <functional>
#include <optional>
#include <stop_token>
#include <thread>

void log_cancelled();

void callback_by_reference(std::stop_token tok) {
  std::stop_callback<std::function<void()>> cb(tok, [] { log_cancelled(); });
  std::thread([&cb] { (void)&cb; }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: stop callback 'cb' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:37: note: the thread is detached here
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: give the task ownership: a 'std::shared_ptr<std::stop_callback>' captured by value
}

void optional_source() {
  std::optional<std::stop_source> src;
  src.emplace();
  std::thread([&] { src->request_stop(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: cancel source 'src' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:45: note: the thread is detached here
}

void token_assigned_again(std::stop_source a, std::stop_source b) {
  std::stop_token tok = a.get_token();
  std::thread([&tok] { (void)tok.stop_requested(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:55: note: the thread is detached here
  // The thread would see the new token through the reference, not through a copy.
  tok = b.get_token();
}
