// A request context captured by reference into a detached thread, and the
// shared_ptr holding one: the context is not copyable, so only the
// shared_ptr gets a fix.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <grpcpp/grpcpp.h>
#include <memory>
#include <thread>

bool deadline_passed();

void cancel_on_deadline(grpc::ClientContext &ctx) {
  std::thread([&ctx] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: request context 'ctx' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE+4]]:6: note: the thread is detached here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: give the task ownership: a 'std::shared_ptr<grpc::ClientContext>' captured by value
    if (deadline_passed())
      ctx.TryCancel();
  }).detach();
}

void shared_by_reference(std::shared_ptr<grpc::ClientContext> ctx) {
  std::thread([&] { if (deadline_passed()) ctx->TryCancel(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: request context 'ctx' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:65: note: the thread is detached here
  // CHECK-FIXES: std::thread([&, ctx] { if (deadline_passed()) ctx->TryCancel(); }).detach();
}

void shared_by_value(std::shared_ptr<grpc::ClientContext> ctx) {
  std::thread([ctx] { if (deadline_passed()) ctx->TryCancel(); }).detach();
}
