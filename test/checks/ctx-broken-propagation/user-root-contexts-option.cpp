// A Go-style context library: the context type by annotation, its root by
// the RootContexts option, a derivation by CTX_DERIVES.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -config="{CheckOptions: {RootContexts: 'ctxlib::Context::background'}}" -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  static Context background();
};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

int query(const ctxlib::Context &ctx, int id);

int handle(const ctxlib::Context &ctx, int id) {
  int a = query(ctxlib::Context::background(), id);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: parentless request context passed to 'query' is never cancelled; cancelling 'ctx' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: request context 'ctx' is received here
  // CHECK-FIXES: int a = query(ctx, id);
  int b = query(ctxlib::with_value(ctx, 1, 2), id);
  return a + b;
}

int main_like(int id) {
  // Nothing received: the root is where a chain starts.
  return query(ctxlib::Context::background(), id);
}
