// A handler templated over its stream type that writes in a loop without
// testing what Write returns: a cancelled call keeps the loop running, as
// with a concrete stream type.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <grpcpp/server_context.h>

bool more_to_send();

struct Handlers {
  template <class Writer>
  static grpc::Status Push(grpc::ServerContext *ctx, Writer *stream,
                           const grpc::ByteBuffer &message) {
    while (more_to_send()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes request context 'ctx'; cancelling the request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-4]]:49: note: request context 'ctx' is received here
    // CHECK-FIXES: while (more_to_send() && !ctx->IsCancelled()) {
      stream->Write(message);
    }
    return grpc::Status::OK;
  }
};
