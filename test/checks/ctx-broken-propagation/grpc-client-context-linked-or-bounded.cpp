// gRPC: client contexts made from the server context, or given a deadline,
// or handed to code that may set one, are fine.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <chrono>
#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>
#include <memory>

namespace inventory {
class StockService {
public:
  class Stub {
  public:
    grpc::Status Reserve(grpc::ClientContext *ctx, const int &item, int *left);
  };
};
} // namespace inventory

void configure(grpc::ClientContext *ctx);

grpc::Status Inherits(grpc::ServerContext *ctx, inventory::StockService::Stub &stock,
                      int item) {
  std::unique_ptr<grpc::ClientContext> downstream =
      grpc::ClientContext::FromServerContext(*ctx);
  int left = 0;
  return stock.Reserve(downstream.get(), item, &left);
}

grpc::Status Bounded(grpc::ServerContext *ctx, inventory::StockService::Stub &stock,
                     int item) {
  grpc::ClientContext downstream;
  downstream.set_deadline(std::chrono::system_clock::now() +
                          std::chrono::seconds(2));
  int left = 0;
  (void)ctx;
  return stock.Reserve(&downstream, item, &left);
}

grpc::Status Configured(grpc::ServerContext *ctx,
                        inventory::StockService::Stub &stock, int item) {
  grpc::ClientContext downstream;
  configure(&downstream);
  int left = 0;
  (void)ctx;
  return stock.Reserve(&downstream, item, &left);
}

grpc::Status NotAHandler(inventory::StockService::Stub &stock, int item) {
  // A client outside any handler: nothing to inherit.
  grpc::ClientContext downstream;
  int left = 0;
  return stock.Reserve(&downstream, item, &left);
}
