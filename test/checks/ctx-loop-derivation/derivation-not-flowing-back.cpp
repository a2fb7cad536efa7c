// A variable declared outside the loop that receives, each iteration, a
// derivation of something else: the chain does not grow, the variable only
// holds the latest child of an unchanged parent.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <folly/CancellationToken.h>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void send(const ctxlib::Context &ctx, int item);

void latest(const ctxlib::Context &request, const std::vector<int> &items) {
  ctxlib::Context current = request;
  for (int item : items) {
    current = ctxlib::with_value(request, 1, item);
    send(current, item);
  }
}

void latestToken(folly::CancellationToken request,
                 const std::vector<folly::CancellationToken> &jobs) {
  folly::CancellationToken merged;
  for (const auto &job : jobs) {
    merged = folly::cancellation_token_merge(request, job);
    (void)merged.isCancellationRequested();
  }
}

void copies(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx = request;
  ctxlib::Context child = ctxlib::with_value(request, 2, n);
  for (int i = 0; i < n; ++i) {
    ctx = child;  // a copy of a child of the unchanged request
    send(ctx, i);
  }
}
