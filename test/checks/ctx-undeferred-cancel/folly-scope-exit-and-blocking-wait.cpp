// folly: SCOPE_EXIT and makeGuard cancel on every path; a token that only
// goes to coro::blockingWait needs no cancel.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <folly/CancellationToken.h>
#include <folly/ScopeGuard.h>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>

void spawn_detached(folly::CancellationToken tok);
folly::coro::Task<int> load(folly::CancellationToken tok);
bool fail();

void with_scope_exit() {
  folly::CancellationSource src;
  SCOPE_EXIT { src.requestCancellation(); };
  spawn_detached(src.getToken());
  if (fail())
    return;
}

void with_make_guard() {
  folly::CancellationSource src;
  spawn_detached(src.getToken());
  auto guard = folly::makeGuard([&] { src.requestCancellation(); });
  if (fail())
    return;
}

int blocking() {
  folly::CancellationSource src;
  int n = folly::coro::blockingWait(load(src.getToken()));
  if (fail())
    return 0;
  return n;
}
