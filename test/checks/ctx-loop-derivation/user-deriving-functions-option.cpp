// A Go-style context library whose derivations are named by the
// DerivingFunctions option: a loop that wraps its own context again on every
// iteration grows the chain. The context is read only later in the same
// iteration, so deriving from the unchanged context into a loop-local
// variable is the same program but for the chain: the fix does that.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -config="{CheckOptions: {ContextTypes: 'ctxlib::Context', DerivingFunctions: 'ctxlib::with_value;ctxlib::Context::with_tag'}}"

namespace ctxlib {
class Context {
public:
  Context with_tag(int tag) const;
  bool done() const;
};
Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void handle(const ctxlib::Context &ctx, int item);

void serve(const ctxlib::Context &parent, int n) {
  ctxlib::Context ctx = parent;
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, i);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctxlib::with_value(ctx, 1, i);
    handle(ctx, i);
    // CHECK-FIXES: handle(ctx2, i);
  }
}

void tag_all(ctxlib::Context ctx, int n) {
  while (n-- > 0) {
    ctx = ctx.with_tag(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctx.with_tag(n);
    if (ctx.done())
      return;
    // CHECK-FIXES: if (ctx2.done())
    handle(ctx, n);
    // CHECK-FIXES: handle(ctx2, n);
  }
}
