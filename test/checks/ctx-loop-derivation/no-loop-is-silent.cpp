// Derivations outside loops are a chain of fixed length, however many links
// it has: middleware that wraps the context once per layer.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <folly/CancellationToken.h>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  CTX_DERIVES Context with_value(int key, int value) const;
};
CTX_DERIVES Context with_deadline(const Context &parent, int ms);
} // namespace ctxlib

void handle(const ctxlib::Context &ctx);

void layers(ctxlib::Context ctx) {
  ctx = ctx.with_value(1, 1);
  ctx = ctxlib::with_deadline(ctx, 500);
  ctx = ctx.with_value(2, 2);
  handle(ctx);
}

folly::CancellationToken both(folly::CancellationToken a,
                              folly::CancellationToken b) {
  a = folly::cancellation_token_merge(a, b);
  return a;
}

void recurse(ctxlib::Context ctx, int depth) {
  // A recursion grows a chain too, but bounded by the call stack, and each
  // link is released when its call returns.
  if (depth > 0)
    recurse(ctx.with_value(3, depth), depth - 1);
  handle(ctx);
}
