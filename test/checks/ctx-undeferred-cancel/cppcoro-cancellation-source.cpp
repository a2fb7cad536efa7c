// cppcoro: a cancellation_source whose token went to a detached operation.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/cancellation_token.hpp>

void start_download(cppcoro::cancellation_token tok);
bool fail();

void download() {
  cppcoro::cancellation_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_cancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  start_download(src.token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_cancellation();
}
