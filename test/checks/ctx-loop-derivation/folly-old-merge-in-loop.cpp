// Older folly spells the merge as the static member template
// CancellationToken::merge: the same derivation.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -DCTX_TEST_FOLLY_V2025_07_14

#include <folly/CancellationToken.h>

bool step(int i, const folly::CancellationToken &ct);

void poll(folly::CancellationToken ct, folly::CancellationSource &stop) {
  int i = 0;
  do {
    ct = folly::CancellationToken::merge(ct, stop.getToken());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: token 'ct' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-5]]:36: note: 'ct' is declared outside the loop; derive each iteration's token into a variable declared inside the loop, from a parent that does not change
  } while (step(i++, ct));
}

void pollCorrectly(folly::CancellationToken ct, folly::CancellationSource &stop) {
  int i = 0;
  bool more = true;
  while (more) {
    auto both = folly::CancellationToken::merge(ct, stop.getToken());
    more = step(i++, both);
  }
}
