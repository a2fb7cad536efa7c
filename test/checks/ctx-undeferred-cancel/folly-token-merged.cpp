// A token given to folly::cancellation_token_merge makes a merged token, not
// work: nothing waits on the sources' tokens unless the merged token goes
// somewhere itself. The shape of folly's CancellationTokenTest.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <folly/CancellationToken.h>

void spawn_detached(folly::CancellationToken tok);
bool fail();

void merged_and_compared() {
  folly::CancellationSource srcA;
  folly::CancellationSource srcB;
  auto tokA = srcA.getToken();
  auto merged = folly::cancellation_token_merge(tokA, srcB.getToken());
  if (merged == tokA)
    return;
  srcA.requestCancellation();
}

void merged_with_itself_is_compared() {
  folly::CancellationSource src;
  folly::CancellationToken tok = src.getToken();
  (void)(tok == folly::cancellation_token_merge(tok));
}

void merged_twice_into_an_outer_token() {
  folly::CancellationToken mergedTwice;
  folly::CancellationSource outer;
  {
    folly::CancellationSource inner;
    auto merged =
        folly::cancellation_token_merge(outer.getToken(), inner.getToken());
    mergedTwice = folly::cancellation_token_merge(merged, inner.getToken());
  }
  (void)mergedTwice.canBeCancelled();
}

// The merged token goes to detached work: a cancel of the source reaches
// that work, so it is owed on every path.
void merged_token_handed_to_work() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  folly::CancellationToken other;
  auto merged = folly::cancellation_token_merge(src.getToken(), other);
  spawn_detached(merged);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.requestCancellation();
}
