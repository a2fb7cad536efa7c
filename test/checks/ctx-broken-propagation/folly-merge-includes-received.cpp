// folly::cancellation_token_merge including the received token derives from
// it: passing the merge keeps the chain.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <folly/CancellationToken.h>

void fetch(int id, const folly::CancellationToken &ct);

void merged(folly::CancellationToken ct, folly::CancellationSource &own) {
  fetch(1, folly::cancellation_token_merge(ct, own.getToken()));
  auto both = folly::cancellation_token_merge(own.getToken(), ct);
  fetch(2, both);
}
