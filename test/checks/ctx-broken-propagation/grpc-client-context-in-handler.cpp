// gRPC: a ClientContext made inside a handler, with neither the incoming
// call's deadline and cancellation nor a deadline of its own, outlives the
// request. Sync and callback handlers, real Debian gRPC headers.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

namespace inventory {
class StockService {
public:
  class Stub {
  public:
    grpc::Status Reserve(grpc::ClientContext *ctx, const int &item, int *left);
  };
};
} // namespace inventory

grpc::Status PlaceOrder(grpc::ServerContext *ctx, inventory::StockService::Stub &stock,
                        int item) {
  grpc::ClientContext downstream;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: client context 'downstream' is given to a stub call but has no deadline and does not inherit the cancellation of server context 'ctx' [ctx-broken-propagation]
  int left = 0;
  return stock.Reserve(&downstream, item, &left);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is made here; create the context with 'grpc::ClientContext::FromServerContext(*ctx)' to inherit the handler's deadline and cancellation, or give it a deadline
  // CHECK-MESSAGES: :[[@LINE-7]]:46: note: server context 'ctx' is received here
}

void PlaceOrderAsync(grpc::CallbackServerContext *ctx,
                     inventory::StockService::Stub &stock, int item) {
  grpc::ClientContext downstream;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: client context 'downstream' is given to a stub call but has no deadline and does not inherit the cancellation of server context 'ctx' [ctx-broken-propagation]
  int left = 0;
  (void)stock.Reserve(&downstream, item, &left);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is made here; create the context with 'grpc::ClientContext::FromCallbackServerContext(*ctx)' to inherit the handler's deadline and cancellation, or give it a deadline
  // CHECK-MESSAGES: :[[@LINE-7]]:51: note: server context 'ctx' is received here
}
