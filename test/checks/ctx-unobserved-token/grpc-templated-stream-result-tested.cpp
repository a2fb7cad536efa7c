// A handler templated over its stream type: the stream's Read and Write
// cannot be resolved as written, but a loop that tests what they return
// still ends once the call is cancelled (they return false then).
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <grpcpp/server_context.h>

bool more_to_send();

struct Handlers {
  // Drains the client's messages.
  template <class Reader>
  static grpc::Status Pull(grpc::ServerContext *ctx, Reader *stream) {
    grpc::ByteBuffer message;
    while (stream->Read(&message)) {
    }
    return grpc::Status::OK;
  }

  // Pushes until told to stop or until a Write fails.
  template <class Writer>
  static grpc::Status Push(grpc::ServerContext *ctx, Writer *stream,
                           const grpc::ByteBuffer &message) {
    while (more_to_send()) {
      if (!stream->Write(message))
        return grpc::Status(grpc::StatusCode::INTERNAL, "push failed");
    }
    return grpc::Status::OK;
  }
};
