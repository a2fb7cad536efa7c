// The canonical synchronous use of the callback API: the caller blocks until
// the callback ran (condition variable, future, absl::Notification). Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20 -- -I%S/Inputs

#include "order_service.grpc.pb.h"
#include <absl/synchronization/notification.h>
#include <condition_variable>
#include <future>
#include <mutex>

int with_condition_variable(orders::OrderService::Stub *stub) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  orders::GetOrderReply reply;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  stub->async()->GetOrder(&ctx, &req, &reply, [&](grpc::Status s) {
    if (!s.ok())
      ctx.TryCancel();
    std::lock_guard<std::mutex> lock(mu);
    done = true;
    cv.notify_one();
  });
  std::unique_lock<std::mutex> lock(mu);
  while (!done)
    cv.wait(lock);
  return reply.state;
}

int with_future(orders::OrderService::Stub *stub) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  orders::GetOrderReply reply;
  std::promise<grpc::Status> result;
  std::future<grpc::Status> status = result.get_future();
  stub->async()->GetOrder(&ctx, &req, &reply, [&](grpc::Status s) {
    (void)ctx.peer();
    result.set_value(s);
  });
  return status.get().ok() ? reply.state : -1;
}

int with_notification(orders::OrderService::Stub *stub) {
  grpc::ClientContext ctx;
  orders::GetOrderRequest req;
  orders::GetOrderReply reply;
  absl::Notification done;
  stub->async()->GetOrder(&ctx, &req, &reply, [&ctx, &done](grpc::Status) {
    (void)ctx.peer();
    done.Notify();
  });
  done.WaitForNotification();
  return reply.state;
}
