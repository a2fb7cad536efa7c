// The restore is done by a scope guard declared before the store.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <absl/cleanup/cleanup.h>
#include <grpcpp/grpcpp.h>

thread_local grpc::ServerContext *t_current = nullptr;

bool validate();

void handle(grpc::ServerContext *ctx) {
  grpc::ServerContext *previous = t_current;
  auto restore = absl::MakeCleanup([&] { t_current = previous; });
  t_current = ctx;
  if (!validate())
    return;
}
