// The callback owns the context: a std::shared_ptr captured by value, or a
// heap context the callback deletes. Nothing is reached by reference. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20 -- -I%S/Inputs

#include "order_service.grpc.pb.h"
#include <memory>

void record_state(int);

void shared(orders::OrderService::Stub *stub) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  auto req = std::make_shared<orders::GetOrderRequest>();
  auto reply = std::make_shared<orders::GetOrderReply>();
  stub->async()->GetOrder(ctx.get(), req.get(), reply.get(),
                          [ctx, req, reply](grpc::Status) {
                            (void)ctx->peer();
                            record_state(reply->state);
                          });
}

void heap(orders::OrderService::Stub *stub) {
  auto *ctx = new grpc::ClientContext;
  auto *req = new orders::GetOrderRequest;
  auto *reply = new orders::GetOrderReply;
  stub->async()->GetOrder(ctx, req, reply, [ctx, req, reply](grpc::Status) {
    record_state(reply->state);
    delete ctx;
    delete req;
    delete reply;
  });
}

class Client {
public:
  // The context is a member of a long-lived client; not a local of this frame.
  void fetch(orders::OrderService::Stub *stub) {
    stub->async()->GetOrder(&Ctx, &Req, &Reply, [this](grpc::Status) {
      record_state(Reply.state);
    });
  }

private:
  grpc::ClientContext Ctx;
  orders::GetOrderRequest Req;
  orders::GetOrderReply Reply;
};
