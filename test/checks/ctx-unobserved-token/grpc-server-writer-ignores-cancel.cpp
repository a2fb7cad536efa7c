// gRPC sync server streaming: the handler writes updates in a loop that
// neither asks the ServerContext nor tests what Write returns, so a client
// that cancels leaves the loop running (every Write then fails at once).
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

bool has_updates();
grpc::ByteBuffer next_update();

class FeedService {
public:
  grpc::Status Watch(grpc::ServerContext *ctx, const grpc::ByteBuffer *request,
                     grpc::ServerWriter<grpc::ByteBuffer> *writer);
};

grpc::Status FeedService::Watch(grpc::ServerContext *ctx,
                                const grpc::ByteBuffer *request,
                                grpc::ServerWriter<grpc::ByteBuffer> *writer) {
  while (has_updates()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes request context 'ctx'; cancelling the request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-5]]:54: note: request context 'ctx' is received here
  // CHECK-FIXES: while (has_updates() && !ctx->IsCancelled()) {
    writer->Write(next_update());
  }
  return grpc::Status::OK;
}
