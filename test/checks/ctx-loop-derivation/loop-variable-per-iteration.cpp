// Variables that are new on every iteration: a range-for's loop variable, a
// while loop's condition variable, a local of the body.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <optional>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  explicit operator bool() const;
};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
Context next_request();
} // namespace ctxlib

void handle(const ctxlib::Context &ctx);

void each(std::vector<ctxlib::Context> contexts) {
  for (ctxlib::Context ctx : contexts) {
    ctx = ctxlib::with_value(ctx, 1, 1);
    handle(ctx);
  }
}

void serve() {
  int n = 0;
  while (ctxlib::Context ctx = ctxlib::next_request()) {
    ctx = ctxlib::with_value(ctx, 2, ++n);
    handle(ctx);
  }
}

void nested(const ctxlib::Context &parent, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    ctxlib::Context row = ctxlib::with_value(parent, 3, r);
    for (int c = 0; c < cols; ++c)
      handle(ctxlib::with_value(row, 4, c));
  }
}
