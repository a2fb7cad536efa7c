// folly: a local source linked by a CancellationCallback on the received
// token, or merged with it, keeps the chain.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <folly/CancellationToken.h>

void run(int job, const folly::CancellationToken &ct);

void linked(folly::CancellationToken ct) {
  folly::CancellationSource jobs;
  folly::CancellationCallback link(ct, [&jobs] { jobs.requestCancellation(); });
  run(1, jobs.getToken());
}

void merged(folly::CancellationToken ct) {
  folly::CancellationSource own;
  run(2, folly::cancellation_token_merge(ct, own.getToken()));
  own.requestCancellation();
}
