// A gRPC handler calling an API that takes a std::stop_token: the handler
// holds no std::stop_token to pass, so an empty one is not a break this
// check can name (see the limitations in the documentation).
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <grpcpp/server_context.h>
#include <stop_token>

void compute(int n, std::stop_token tok = {});

void Handle(grpc::ServerContext *ctx, int n) {
  compute(n);
  compute(n, std::stop_token{});
  (void)ctx;
}
