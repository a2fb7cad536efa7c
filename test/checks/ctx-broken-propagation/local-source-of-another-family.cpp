// A callable that receives a folly token and makes a std::stop_source for a
// std API: there is no received std::stop_token the link could be written
// on, and a bridge between families is not the check's to write.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <folly/CancellationToken.h>
#include <stop_token>

void fetch(int id, std::stop_token tok);

void bridge(folly::CancellationToken ct) {
  std::stop_source src;
  fetch(1, src.get_token());
  (void)ct;
}
