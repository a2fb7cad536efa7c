// A thread-local "current context" slot restored on the normal path but not
// on the early return: the next request on this thread sees a dead context.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <grpcpp/grpcpp.h>

thread_local grpc::ServerContext *t_current = nullptr;

bool validate();

void handle(grpc::ServerContext *ctx) {
  grpc::ServerContext *previous = t_current;
  t_current = ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pointer to a request context is stored in static 't_current' and dangles when the request ends [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-8]]:35: note: 't_current' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: store the request's ids and deadline instead of a pointer to the request context
  if (!validate())
    return;
  t_current = previous;
}
