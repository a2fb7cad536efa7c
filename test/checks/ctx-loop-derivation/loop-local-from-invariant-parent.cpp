// The normal pattern: each iteration derives a context of its own from a
// parent that does not change, and drops it at the end of the iteration.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -config="{CheckOptions: {DerivingFunctions: 'ctxlib::with_value', CancelFactories: 'ctxlib::with_timeout'}}" -- -I%project_root/include

#include <ctx/annotations.h>
#include <folly/CancellationToken.h>
#include <functional>
#include <utility>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {};
Context with_value(const Context &parent, int key, int value);
std::pair<Context, std::function<void()>> with_timeout(const Context &parent, int ms);
} // namespace ctxlib

void send(const ctxlib::Context &ctx, int item);
void run(const folly::CancellationToken &ct);

void fanOut(const ctxlib::Context &request, const std::vector<int> &items) {
  for (int item : items) {
    ctxlib::Context ctx = ctxlib::with_value(request, 1, item);
    send(ctx, item);
  }
  for (int item : items) {
    auto [child, cancel] = ctxlib::with_timeout(request, 100);
    send(child, item);
    cancel();
  }
  ctxlib::Context parent = request;
  for (int i = 0; i < 3; ++i) {
    ctxlib::Context ctx = parent;
    ctx = ctxlib::with_value(ctx, 2, i); // ctx is the iteration's own
    send(ctx, i);
  }
}

void runAll(folly::CancellationToken request,
            const std::vector<folly::CancellationToken> &jobs) {
  for (const auto &job : jobs)
    run(folly::cancellation_token_merge(request, job));
}
