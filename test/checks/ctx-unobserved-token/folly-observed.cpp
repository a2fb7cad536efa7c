// folly: asking the token, handing it to the awaited task, or registering a
// callback on it, are all observing it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <folly/CancellationToken.h>
#include <folly/coro/Task.h>
#include <folly/coro/WithCancellation.h>

bool fetch_page();
folly::coro::Task<void> store_page();
void wake_fetcher();

void asks(folly::CancellationToken ct) {
  while (fetch_page())
    if (ct.isCancellationRequested())
      return;
}

folly::coro::Task<void> hands_on(folly::CancellationToken ct) {
  while (fetch_page())
    co_await folly::coro::co_withCancellation(ct, store_page());
}

void registers(folly::CancellationToken ct) {
  for (;;) {
    folly::CancellationCallback cb(ct, [] { wake_fetcher(); });
    if (!fetch_page())
      break;
  }
}
