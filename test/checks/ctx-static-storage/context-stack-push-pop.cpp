// A per-thread stack of contexts: pushed on entry, popped before every exit.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <vector>

#include <grpcpp/grpcpp.h>

thread_local std::vector<grpc::ServerContext *> t_stack;

bool validate();

void handle(grpc::ServerContext *ctx) {
  t_stack.push_back(ctx);
  if (!validate()) {
    t_stack.pop_back();
    return;
  }
  t_stack.pop_back();
}
