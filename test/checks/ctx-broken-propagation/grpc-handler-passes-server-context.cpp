// A gRPC handler handing its own ServerContext to helpers, and a client
// context made from it: the chain is intact.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

bool validate(const grpc::ServerContext &ctx, int item);
grpc::Status reserve(grpc::ServerContext *ctx, int item);
void audit(grpc::ServerContext *ctx = nullptr);

grpc::Status PlaceOrder(grpc::ServerContext *ctx, int item) {
  if (!validate(*ctx, item))
    return grpc::Status::CANCELLED;
  // A defaulted null pointer is not an empty context of the model.
  audit();
  auto child = grpc::ClientContext::FromServerContext(*ctx);
  (void)child;
  return reserve(ctx, item);
}
