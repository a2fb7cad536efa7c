// gRPC: a handler that makes one client context per downstream call from its
// server context derives every child from the same parent; replacing the
// pointer each iteration releases the previous child.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>
#include <memory>
#include <vector>

namespace inventory {
class StockService {
public:
  class Stub {
  public:
    grpc::Status Reserve(grpc::ClientContext *ctx, const int &item, int *left);
  };
};
} // namespace inventory

grpc::Status ReserveAll(grpc::ServerContext *ctx,
                        inventory::StockService::Stub &stock,
                        const std::vector<int> &items) {
  std::unique_ptr<grpc::ClientContext> downstream;
  for (int item : items) {
    downstream = grpc::ClientContext::FromServerContext(*ctx);
    int left = 0;
    grpc::Status s = stock.Reserve(downstream.get(), item, &left);
    if (!s.ok())
      return s;
  }
  return grpc::Status::OK;
}
