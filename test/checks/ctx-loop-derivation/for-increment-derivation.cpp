// The derivation may sit in a for loop's increment, with the variable
// declared in its init statement: the init runs once, the increment every
// iteration.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  CTX_DERIVES Context with_value(int key, int value) const;
  bool done() const;
};
} // namespace ctxlib

void work(const ctxlib::Context &ctx);

void walk(const ctxlib::Context &parent) {
  int depth = 0;
  for (ctxlib::Context ctx = parent; !ctx.done(); ctx = ctx.with_value(1, ++depth))
    // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-2]]:24: note: 'ctx' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
    work(ctx);
}
