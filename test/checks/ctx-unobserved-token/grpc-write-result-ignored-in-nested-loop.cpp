// gRPC: a failed Write that only ends an inner loop does not end the outer
// one, which then writes again and again after the cancel.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>
#include <vector>

std::vector<grpc::ByteBuffer> next_batch();

class FeedService {
public:
  grpc::Status Watch(grpc::ServerContext *ctx, const grpc::ByteBuffer *request,
                     grpc::ServerWriter<grpc::ByteBuffer> *writer);
};

grpc::Status FeedService::Watch(grpc::ServerContext *ctx,
                                const grpc::ByteBuffer *request,
                                grpc::ServerWriter<grpc::ByteBuffer> *writer) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes request context 'ctx'; cancelling the request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-5]]:54: note: request context 'ctx' is received here
  // CHECK-FIXES: for (; !ctx->IsCancelled();) {
    std::vector<grpc::ByteBuffer> batch = next_batch();
    for (const grpc::ByteBuffer &update : batch)
      if (!writer->Write(update))
        break;
  }
  return grpc::Status::OK;
}
