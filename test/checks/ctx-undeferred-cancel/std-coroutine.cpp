// Coroutine bodies: co_return is an exit like return.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <coroutine>
#include <stop_token>
#include <thread>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

void prefetch(std::stop_token tok);
bool cached();

task load_order() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(prefetch, src.get_token()).detach();
  if (cached())
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this co_return is reached without cancelling 'src'
  co_await std::suspend_never{};
  src.request_stop();
}

task load_order_ok() {
  std::stop_source src;
  std::thread(prefetch, src.get_token()).detach();
  if (cached()) {
    src.request_stop();
    co_return;
  }
  co_await std::suspend_never{};
  src.request_stop();
}
