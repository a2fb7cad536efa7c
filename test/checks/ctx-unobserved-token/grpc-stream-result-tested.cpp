// gRPC sync server streams: Read and Write return false once the call is
// cancelled, so a loop that tests their result ends on a cancel.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

bool has_updates();
grpc::ByteBuffer next_update();
void apply(const grpc::ByteBuffer &);

class SyncService {
public:
  grpc::Status Upload(grpc::ServerContext *ctx,
                      grpc::ServerReader<grpc::ByteBuffer> *reader,
                      grpc::ByteBuffer *reply);
  grpc::Status Watch(grpc::ServerContext *ctx, const grpc::ByteBuffer *request,
                     grpc::ServerWriter<grpc::ByteBuffer> *writer);
  grpc::Status Tail(grpc::ServerContext *ctx, const grpc::ByteBuffer *request,
                    grpc::ServerWriter<grpc::ByteBuffer> *writer);
  grpc::Status Chat(
      grpc::ServerContext *ctx,
      grpc::ServerReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer> *stream);
};

// The loop's condition is the Read.
grpc::Status SyncService::Upload(grpc::ServerContext *ctx,
                                 grpc::ServerReader<grpc::ByteBuffer> *reader,
                                 grpc::ByteBuffer *reply) {
  grpc::ByteBuffer chunk;
  while (reader->Read(&chunk))
    apply(chunk);
  return grpc::Status::OK;
}

// A failed Write leaves the loop.
grpc::Status SyncService::Watch(grpc::ServerContext *ctx,
                                const grpc::ByteBuffer *request,
                                grpc::ServerWriter<grpc::ByteBuffer> *writer) {
  while (has_updates()) {
    if (!writer->Write(next_update()))
      break;
  }
  return grpc::Status::OK;
}

// Through a local that the loop tests.
grpc::Status SyncService::Tail(grpc::ServerContext *ctx,
                               const grpc::ByteBuffer *request,
                               grpc::ServerWriter<grpc::ByteBuffer> *writer) {
  for (;;) {
    bool sent = writer->Write(next_update());
    if (!sent)
      return grpc::Status::CANCELLED;
  }
}

// Bidirectional: read until the stream ends, answering each message.
grpc::Status SyncService::Chat(
    grpc::ServerContext *ctx,
    grpc::ServerReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer> *stream) {
  grpc::ByteBuffer in;
  while (stream->Read(&in) && stream->Write(in)) {
  }
  return grpc::Status::OK;
}
