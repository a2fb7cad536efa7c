// folly up to v2025.07.14.00: CancellationToken::merge including the
// received token derives from it.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -- -DCTX_TEST_FOLLY_V2025_07_14

#include <folly/CancellationToken.h>

void fetch(int id, const folly::CancellationToken &ct);

void merged(folly::CancellationToken ct, folly::CancellationSource &own) {
  fetch(1, folly::CancellationToken::merge(ct, own.getToken()));
  auto both = folly::CancellationToken::merge(own.getToken(), ct);
  fetch(2, both);
}
