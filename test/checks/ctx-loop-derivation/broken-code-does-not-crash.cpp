// Code with errors (an editor mid-keystroke) is skipped, never a crash.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17 -allow-compile-errors -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void handle(const ctxlib::Context &ctx);

void typing(ctxlib::Context ctx, int n) {
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, undeclared);
    handle(ctx
  }
}

void typing2(ctxlib::Context ctx, int n) {
  while (n--) {
    ctx = ctxlib::with_value(ctx, 1, );
    ctx = ctxlib::with_valu(ctx, 1, n);
  }
}
