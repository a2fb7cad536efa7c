// Save/restore of a thread-local "current context" slot on every exit,
// early returns included.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <grpcpp/grpcpp.h>

thread_local grpc::ServerContext *t_current = nullptr;

bool validate();
void work();

void handle(grpc::ServerContext *ctx) {
  grpc::ServerContext *previous = t_current;
  t_current = ctx;
  if (!validate()) {
    t_current = previous;
    return;
  }
  work();
  t_current = previous;
}
