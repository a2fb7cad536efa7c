// A context declared in the outer loop's body is new for each outer
// iteration, but the inner loop derives it from itself: the chain grows with
// the inner loop. It is read after the inner loop, so no fix is offered.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void submit(const ctxlib::Context &ctx);

void batches(const ctxlib::Context &parent,
             const std::vector<std::vector<int>> &groups) {
  for (const auto &group : groups) {
    ctxlib::Context batch = parent;
    for (int item : group) {
      batch = ctxlib::with_value(batch, 7, item);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: request context 'batch' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
      // CHECK-MESSAGES: :[[@LINE-4]]:21: note: 'batch' is declared outside the loop; derive each iteration's request context into a variable declared inside the loop, from a parent that does not change
    }
    submit(batch);
  }
}

void batchesCorrectly(const ctxlib::Context &parent,
                      const std::vector<std::vector<int>> &groups) {
  for (const auto &group : groups) {
    ctxlib::Context batch = ctxlib::with_value(parent, 6, int(group.size()));
    for (int item : group)
      submit(ctxlib::with_value(batch, 7, item));
  }
}
