// The new link may go through a local of the iteration before it is stored
// back: the stored value still derives from the previous iteration's.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -config="{CheckOptions: {DerivingFunctions: 'ctxlib::with_value;ctxlib::with_deadline'}}" -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {};
Context with_value(const Context &parent, int key, int value);
Context with_deadline(const Context &parent, int ms);
} // namespace ctxlib

bool step(const ctxlib::Context &ctx);

void pump(const ctxlib::Context &parent) {
  ctxlib::Context current = parent;
  int round = 0;
  while (step(current)) {
    auto next = ctxlib::with_deadline(ctxlib::with_value(current, 1, round), 10);
    ++round;
    current = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'current' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: the new link is derived from 'current' here
    // CHECK-MESSAGES: :[[@LINE-8]]:19: note: 'current' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
  }
}
