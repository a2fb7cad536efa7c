// folly: a CancellationSource whose token went to a detached task.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <folly/CancellationToken.h>

void spawn_detached(folly::CancellationToken tok);
bool fail();

void reconcile() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  spawn_detached(src.getToken());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.requestCancellation();
}
