// Rule 2: a pointer to the request's own context kept in static storage
// dangles once the handler returns, whether or not the entry is erased later.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <algorithm>
#include <vector>

#include <grpcpp/grpcpp.h>

static std::vector<grpc::ServerContext *> g_active;

void on_call(grpc::ServerContext *ctx) {
  g_active.push_back(ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: pointer to a request context is stored in static 'g_active' and dangles when the request ends [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:43: note: 'g_active' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: store the request's ids and deadline instead of a pointer to the request context
}

void cancel_all() {
  for (grpc::ServerContext *ctx : g_active)
    ctx->TryCancel();
  g_active.clear();
}
