// Two leaking handles in one function get guards with different names, and
// names the function already uses are avoided.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void two() {
  int cancelSrc = 0;
  std::stop_source src;
  // CHECK-FIXES: auto cancelSrc2Fn = [&] { src.request_stop(); }; struct CancelSrc2 { decltype(cancelSrc2Fn) &Run; ~CancelSrc2() { Run(); } } cancelSrc2{cancelSrc2Fn};
  std::stop_source other;
  // CHECK-FIXES: auto cancelOtherFn = [&] { other.request_stop(); }; struct CancelOther { decltype(cancelOtherFn) &Run; ~CancelOther() { Run(); } } cancelOther{cancelOtherFn};
  std::thread(work, src.get_token()).detach();
  std::thread(work, other.get_token()).detach();
  if (fail() || cancelSrc)
    return;
  src.request_stop();
  other.request_stop();
}
// CHECK-MESSAGES: :[[@LINE-11]]:20: warning: cancel handle 'src' is not cancelled on every path
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: this return is reached without cancelling 'src'
// CHECK-MESSAGES: :[[@LINE-11]]:20: warning: cancel handle 'other' is not cancelled on every path
// CHECK-MESSAGES: :[[@LINE-7]]:5: note: this return is reached without cancelling 'other'
