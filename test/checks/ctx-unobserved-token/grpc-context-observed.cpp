// gRPC: a handler whose loop asks IsCancelled() on its ServerContext.
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
  while (has_updates() && !ctx->IsCancelled())
    writer->Write(next_update());
  return grpc::Status::OK;
}
