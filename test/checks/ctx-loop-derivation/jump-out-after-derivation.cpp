// A derivation followed by a jump out of the loop happens once: the chain
// gets one link, not one per iteration.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

int send(const ctxlib::Context &ctx, int item);

int first(ctxlib::Context ctx, const std::vector<int> &items) {
  for (int item : items) {
    if (item > 10) {
      ctx = ctxlib::with_value(ctx, 1, item);
      break;
    }
  }
  return send(ctx, 0);
}

int firstReturned(ctxlib::Context ctx, const std::vector<int> &items) {
  for (int item : items) {
    if (item < 0)
      continue;
    ctx = ctxlib::with_value(ctx, 2, item);
    return send(ctx, item);
  }
  return 0;
}

int throwsAfter(ctxlib::Context ctx, int n) {
  while (n > 0) {
    ctx = ctxlib::with_value(ctx, 3, n);
    send(ctx, n);
    throw n;
  }
  return 0;
}
