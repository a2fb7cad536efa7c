// A token given to the constructor of a local object that only registers a
// CancellationCallback member on it: the registration belongs to the object
// and ends with its scope, like a local stop callback's. The shape of
// folly's CancellationTokenTest (TestCallbackExecutedOnExit).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <folly/CancellationToken.h>

struct CallbackExecutedOnExit {
  bool executed{false};
  folly::CancellationCallback cb;
  explicit CallbackExecutedOnExit(const folly::CancellationToken &token)
      : cb{token, [this] { executed = true; }} {}
};

struct Watcher {
  folly::CancellationCallback first;
  folly::CancellationCallback second;
  Watcher(const folly::CancellationToken &a, folly::CancellationToken b)
      : first{a, [] {}}, second{std::move(b), [] {}} {}
};

bool maybe();

void merged_token_to_local_watcher() {
  folly::CancellationSource srcA, srcB;
  auto merged = folly::cancellation_token_merge(srcA.getToken(),
                                                srcB.getToken());
  CallbackExecutedOnExit watcher{merged};
  srcA.requestCancellation();
}

void token_to_local_watcher_never_cancelled() {
  folly::CancellationSource src;
  CallbackExecutedOnExit watcher(src.getToken());
  if (maybe())
    return;
}

void two_registrations_in_one_object() {
  folly::CancellationSource src;
  folly::CancellationToken tok = src.getToken();
  Watcher w(tok, tok);
}
