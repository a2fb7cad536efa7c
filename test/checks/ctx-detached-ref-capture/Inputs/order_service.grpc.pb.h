// A hand-written stand-in for what protoc's gRPC plugin (gRPC 1.51) generates
// for
//   service OrderService { rpc GetOrder(GetOrderRequest) returns (GetOrderReply); }
// limited to the callback API: Stub::async()->GetOrder(context, request,
// response, std::function<void(grpc::Status)>). The message classes are plain
// structs instead of protobuf messages; the gRPC types are the real ones.
#ifndef ORDER_SERVICE_GRPC_PB_H
#define ORDER_SERVICE_GRPC_PB_H

#include <functional>
#include <grpcpp/grpcpp.h>

namespace orders {

struct GetOrderRequest {
  int order_id = 0;
};
struct GetOrderReply {
  int state = 0;
};

class OrderService final {
public:
  class Stub final {
  public:
    class async final {
    public:
      void GetOrder(::grpc::ClientContext *context,
                    const ::orders::GetOrderRequest *request,
                    ::orders::GetOrderReply *response,
                    std::function<void(::grpc::Status)>);

    private:
      friend class Stub;
      explicit async(Stub *stub) : stub_(stub) {}
      Stub *stub_;
    };
    class async *async() { return &async_stub_; }

  private:
    class async async_stub_{this};
  };
};

} // namespace orders

#endif
