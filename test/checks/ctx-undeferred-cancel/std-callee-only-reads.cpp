// A source passed by const reference to a function that only reads it, or
// keeps a copy without cancelling it, is not handed off, even when the
// function's body is visible: the cancel is still owed here.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <cstdio>
#include <functional>
#include <stop_token>

void run(std::stop_token tok);

void report(const std::stop_source &src) {
  std::printf("%d\n", src.stop_requested() ? 1 : 0);
}

void reads_only() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  run(src.get_token());
  report(src);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

void log_later(std::function<void()> f);

void copies_without_cancel(const std::stop_source &src) {
  log_later([=] { std::printf("%d\n", src.stop_requested() ? 1 : 0); });
}

void copied_but_not_cancelled() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  run(src.get_token());
  copies_without_cancel(src);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
