// folly up to v2025.07.14.00: the merge is CancellationToken::merge; a token
// given to it makes a merged token, not work.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20 -- -DCTX_TEST_FOLLY_V2025_07_14

#include <folly/CancellationToken.h>

void spawn_detached(folly::CancellationToken tok);

void merged_and_observed() {
  folly::CancellationSource srcA, srcB;
  auto merged =
      folly::CancellationToken::merge(srcA.getToken(), srcB.getToken());
  (void)merged.isCancellationRequested();
  srcA.requestCancellation();
}

// The merged token goes to detached work and no path cancels.
void merged_token_handed_to_work() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  folly::CancellationToken other;
  spawn_detached(folly::CancellationToken::merge(src.getToken(), other));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
