// A callback that reaches no context-family object by reference is not this
// check's business, even when nothing waits for it. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20 -- -I%S/Inputs

#include "order_service.grpc.pb.h"
#include <memory>

void record_state(int);

void fire(orders::OrderService::Stub *stub, std::shared_ptr<orders::GetOrderReply> reply) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  stub->async()->GetOrder(&ctx, &req, reply.get(), [reply](grpc::Status s) {
    if (s.ok())
      record_state(reply->state);
  });
}
