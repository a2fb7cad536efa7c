// A gRPC client context is the caller's handle to cancel its own call; it
// has no question to ask (no IsCancelled), so a function that holds one
// waits and then cancels it rather than being cancelled through it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/client_context.h>

#include <atomic>

std::atomic<bool> server_ready{false};

void cancel_when_ready(grpc::ClientContext *context) {
  while (!server_ready.load()) {
  }
  context->TryCancel();
}

template <class Service>
void cancel_when_signalled(grpc::ClientContext *context, Service *service) {
  while (!service->signal_client()) {
  }
  context->TryCancel();
}
