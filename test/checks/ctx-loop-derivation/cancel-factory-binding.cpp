// A cancel factory (CancelFactories, CTX_CANCEL_FACTORY) makes a child of
// the context it is given. Making the child of the previous iteration's
// child and keeping it as the loop's context grows the chain, and no cancel
// function of a link is called while the loop runs.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -config="{CheckOptions: {CancelFactories: 'ctxlib::with_timeout'}}" -- -I%project_root/include

#include <ctx/annotations.h>
#include <functional>
#include <utility>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {};
using CancelFn = std::function<void()>;
std::pair<Context, CancelFn> with_timeout(const Context &parent, int ms);
CTX_CANCEL_FACTORY std::pair<Context, CancelFn> with_cancel(const Context &parent);
} // namespace ctxlib

bool attempt(const ctxlib::Context &ctx);

void retry(ctxlib::Context ctx) {
  std::vector<ctxlib::CancelFn> cancels;
  while (true) {
    auto [child, cancel] = ctxlib::with_timeout(ctx, 50);
    cancels.push_back(cancel);
    ctx = child;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the new link is derived from 'ctx' here
    // CHECK-MESSAGES: :[[@LINE-8]]:28: note: 'ctx' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
    if (attempt(ctx))
      break;
  }
  for (auto &c : cancels)
    c();
}

void nest(ctxlib::Context ctx, int depth) {
  for (int i = 0; i < depth; ++i) {
    auto [child, cancel] = ctxlib::with_cancel(ctx);
    ctx = child;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-3]]:28: note: the new link is derived from 'ctx' here
    // CHECK-MESSAGES: :[[@LINE-6]]:27: note: 'ctx' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
    (void)cancel;
  }
}
