// Request contexts such as grpc::ClientContext are not cancel handles for
// this check.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <grpcpp/client_context.h>

void start_call(grpc::ClientContext *ctx);
bool fail();

void call() {
  grpc::ClientContext ctx;
  start_call(&ctx);
  if (fail())
    return;
  ctx.TryCancel();
}
