// Each lambda body is analysed on its own; a handle declared inside a lambda
// owes its cancel before the lambda returns.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();
void post(std::function<void()> f);

void schedule() {
  post([] {
    std::stop_source src;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: cancel handle 'src' is not cancelled on every path
    // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
    std::thread(work, src.get_token()).detach();
    if (fail())
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this return is reached without cancelling 'src'
    src.request_stop();
  });
  post([] {
    std::stop_source src;
    std::thread(work, src.get_token()).detach();
    src.request_stop();
  });
}
