// stdexec: a token handed to detached work, and an early return.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stdexec/stop_token.hpp>

void start_detached(stdexec::inplace_stop_token tok);
bool fail();

void detached() {
  stdexec::inplace_stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  start_detached(src.get_token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
