// The scoped "current request" pattern: the saved value is moved back by a
// guard declared after the assignment, with no exit in between.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <absl/cleanup/cleanup.h>
#include <grpcpp/grpcpp.h>
#include <utility>

thread_local grpc::ServerContext *t_current = nullptr;

bool validate();

void handle(grpc::ServerContext *ctx) {
  grpc::ServerContext *prev = t_current;
  t_current = ctx;
  absl::Cleanup restore = [&prev] { t_current = std::move(prev); };
  if (!validate())
    return;
}

void handle_swap(grpc::ServerContext *ctx) {
  grpc::ServerContext *prev = ctx;
  std::swap(t_current, prev);
  absl::Cleanup restore = [&prev] { std::swap(t_current, prev); };
  if (!validate())
    return;
}
