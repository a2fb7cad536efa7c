// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20

#include <folly/CancellationToken.h>
#include <memory>
#include <optional>

void abort_upstream();

void temporary(const folly::CancellationToken &ct) {
  folly::CancellationCallback(ct, [] { abort_upstream(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'folly::CancellationCallback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: folly::CancellationCallback stopCallback(ct, [] { abort_upstream(); });
}

void from_a_source(folly::CancellationSource &src) {
  folly::CancellationCallback{src.getToken(), [] { abort_upstream(); }};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'folly::CancellationCallback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: folly::CancellationCallback stopCallback{src.getToken(), [] { abort_upstream(); }};
}

void discarded_make_shared(const folly::CancellationToken &ct) {
  std::make_shared<folly::CancellationCallback>(ct, [] { abort_upstream(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::CancellationCallback' created by 'make_shared' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = std::make_shared<folly::CancellationCallback>(ct, [] { abort_upstream(); });
}

// Correct uses.
void named(const folly::CancellationToken &ct) {
  folly::CancellationCallback cb(ct, [] { abort_upstream(); });
  abort_upstream();
}

struct Reader {
  std::optional<folly::CancellationCallback> onCancel;
  void arm(const folly::CancellationToken &ct) {
    onCancel.emplace(ct, [] { abort_upstream(); });
  }
};

std::unique_ptr<folly::CancellationCallback> kept(folly::CancellationToken ct) {
  auto cb = std::make_unique<folly::CancellationCallback>(std::move(ct), [] { abort_upstream(); });
  return cb;
}

void tokens_and_sources_are_not_callbacks(folly::CancellationSource &src) {
  folly::CancellationSource().requestCancellation();
  (void)src.getToken();
}
