// PPL (cpprestsdk): a cancellation_token_source whose token went to a task.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <pplx/pplxcancellation_token.h>

void start_upload(pplx::cancellation_token tok);
bool fail();

void upload() {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  start_upload(cts.get_token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'cts'
  cts.cancel();
}
