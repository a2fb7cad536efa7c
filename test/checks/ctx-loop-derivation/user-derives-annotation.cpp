// The same shape with the library annotated instead of configured:
// CTX_CONTEXT on the type, CTX_DERIVES on the deriving functions.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  CTX_DERIVES Context with_deadline(int ms) const;
};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

int query(const ctxlib::Context &ctx, int id);

int retry(const ctxlib::Context &parent, int id) {
  ctxlib::Context ctx = parent;
  int result = -1;
  for (int attempt = 0; attempt < 3 && result < 0; ++attempt) {
    ctx = ctx.with_deadline(100 * (attempt + 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctx.with_deadline(100 * (attempt + 1));
    result = query(ctx, id);
    // CHECK-FIXES: result = query(ctx2, id);
  }
  return result;
}

int tagged(const ctxlib::Context &parent, int n) {
  ctxlib::Context ctx = parent;
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    sum += query(ctx, i);
    ctx = ctxlib::with_value(ctx, i, sum);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'ctx' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
  }
  return sum;
}
