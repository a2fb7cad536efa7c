// A cancel factory given the received context links the child: passing the
// child keeps the chain.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -config="{CheckOptions: {CancelFactories: 'ctxlib::with_cancel', DerivingFunctions: 'ctxlib::Context::with_value'}}" -- -I%project_root/include

#include <ctx/annotations.h>
#include <functional>
#include <utility>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  Context with_value(int key, int value) const;
};
std::pair<Context, std::function<void()>> with_cancel(const Context &parent);
} // namespace ctxlib

int query(const ctxlib::Context &ctx, int id);

int handle(const ctxlib::Context &ctx, int id) {
  auto [child, cancel] = ctxlib::with_cancel(ctx);
  int a = query(child, id);
  cancel();
  int b = query(ctx.with_value(1, 2), id);
  auto tagged = ctx.with_value(3, 4);
  return a + b + query(tagged, id);
}
