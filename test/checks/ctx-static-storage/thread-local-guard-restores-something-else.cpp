// A guard that restores another slot, or one declared after an exit, does
// not put this one back.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <absl/cleanup/cleanup.h>
#include <grpcpp/grpcpp.h>
#include <utility>

thread_local grpc::ServerContext *t_current = nullptr;
thread_local grpc::ServerContext *t_other = nullptr;

bool validate();

void restores_other(grpc::ServerContext *ctx) {
  grpc::ServerContext *prev = t_current;
  t_current = ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}[ctx-static-storage]
  absl::Cleanup restore = [&prev] { t_other = std::move(prev); };
}

void exit_before_guard(grpc::ServerContext *ctx) {
  grpc::ServerContext *prev = t_current;
  t_current = ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}[ctx-static-storage]
  if (!validate())
    return;
  absl::Cleanup restore = [&prev] { t_current = std::move(prev); };
}
