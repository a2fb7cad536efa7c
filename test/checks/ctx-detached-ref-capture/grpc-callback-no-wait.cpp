// A gRPC callback-API call on a local ClientContext whose callback reaches
// the context by reference, and nothing waits for the callback: the context
// dies when the function returns, before the call completes.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20 -- -I%S/Inputs

#include "order_service.grpc.pb.h"
#include <stop_token>

void record_state(int);
void log_peer(const std::string &);

void fetch_order(orders::OrderService::Stub *stub, int id) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  req.order_id = id;
  auto *reply = new orders::GetOrderReply;
  stub->async()->GetOrder(&ctx, &req, reply, [&, reply](grpc::Status s) {
    if (!s.ok())
      log_peer(ctx.peer());
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: request context 'ctx' captured by reference may be destroyed while a gRPC callback still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the callback of 'GetOrder' runs when the call completes
    // CHECK-MESSAGES: :[[@LINE+6]]:1: note: this path leaves the function without waiting for the callback
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: give the task ownership: a 'std::shared_ptr<grpc::ClientContext>' captured by value
    record_state(reply->state);
    delete reply;
  });
  // The request is read when the call starts; only the callback outlives us.
}

void with_a_raw_pointer(orders::OrderService::Stub *stub, orders::GetOrderReply *reply) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  stub->async()->GetOrder(&ctx, &req, reply, [p = &ctx](grpc::Status) { (void)p->peer(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: request context 'ctx' captured through a raw pointer may be destroyed while a gRPC callback still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the callback of 'GetOrder' runs when the call completes
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: this path leaves the function without waiting for the callback
  // CHECK-MESSAGES: :[[@LINE-4]]:47: note: give the task ownership
}
