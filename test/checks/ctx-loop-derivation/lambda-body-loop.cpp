// A lambda's own loop is analysed like a function's; a variable it captures
// by reference keeps its value across the lambda's iterations.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <functional>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void visit(const ctxlib::Context &ctx, int node);

std::function<void(int)> visitor(ctxlib::Context &ctx) {
  return [&ctx](int depth) {
    for (int level = 0; level < depth; ++level) {
      ctx = ctxlib::with_value(ctx, 3, level);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
      // CHECK-MESSAGES: :[[@LINE-5]]:51: note: 'ctx' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
      visit(ctx, level);
    }
  };
}
