// A variable set back to its parent in the loop does not carry a chain from
// one iteration to the next; the check stays silent whenever something else
// in the loop may change the variable.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  void reset();
};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

void send(const ctxlib::Context &ctx, int item);
void refresh(ctxlib::Context &ctx);

void resetFirst(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx;
  for (int i = 0; i < n; ++i) {
    ctx = request;
    ctx = ctxlib::with_value(ctx, 1, i);
    send(ctx, i);
  }
}

void resetAfter(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx = request;
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, i);
    send(ctx, i);
    ctx = request;
  }
}

void changedByCall(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx = request;
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, i);
    refresh(ctx);
  }
}

void changedByMember(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx = request;
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, i);
    send(ctx, i);
    ctx.reset();
  }
}

void changedInLambda(const ctxlib::Context &request, int n) {
  ctxlib::Context ctx = request;
  auto restart = [&] { ctx = request; };
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::with_value(ctx, 1, i);
    send(ctx, i);
    restart();
  }
}
