// The caller waits for the callback, but an early return skips the wait:
// on that path the context dies under the running call.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20 -- -I%S/Inputs

#include "order_service.grpc.pb.h"
#include <condition_variable>
#include <mutex>

bool shutting_down();

int fetch_state(orders::OrderService::Stub *stub, int id) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  req.order_id = id;
  orders::GetOrderReply reply;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  stub->async()->GetOrder(&ctx, &req, &reply, [&](grpc::Status s) {
    if (!s.ok())
      ctx.TryCancel();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: request context 'ctx' captured by reference may be destroyed while a gRPC callback still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the callback of 'GetOrder' runs when the call completes
    // CHECK-MESSAGES: :[[@LINE+7]]:5: note: this path leaves the function without waiting for the callback
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: give the task ownership
    std::lock_guard<std::mutex> lock(mu);
    done = true;
    cv.notify_one();
  });
  if (shutting_down())
    return -1;
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done; });
  return reply.state;
}
