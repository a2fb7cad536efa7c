// A loop that runs three times still grows the chain by three links, and
// the growth is the bug: a bounded loop is reported like an endless one.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -config="{CheckOptions: {DerivingFunctions: 'ctxlib::with_value'}}" -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {};
Context with_value(const Context &parent, const char *key, int value);
} // namespace ctxlib

void send(const ctxlib::Context &ctx, int shard);

void fanOut(const ctxlib::Context &request) {
  ctxlib::Context ctx = request;
  for (int shard = 0; shard < 3; ++shard) {
    ctx = ctxlib::with_value(ctx, "shard", shard);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctxlib::with_value(ctx, "shard", shard);
    send(ctx, shard);
    // CHECK-FIXES: send(ctx2, shard);
  }
}

void fanOutRange(const ctxlib::Context &request, const int (&shards)[4]) {
  ctxlib::Context ctx = request;
  for (int shard : shards) {
    ctx = ctxlib::with_value(ctx, "shard", shard);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctxlib::with_value(ctx, "shard", shard);
    send(ctx, shard);
    // CHECK-FIXES: send(ctx2, shard);
    send(ctx, -shard);
    // CHECK-FIXES: send(ctx2, -shard);
  }
}
