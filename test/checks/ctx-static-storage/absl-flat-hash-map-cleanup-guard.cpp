// absl containers, and the guard the code base already uses: absl::Cleanup.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <memory>
#include <string>

#include <absl/cleanup/cleanup.h>
#include <absl/container/flat_hash_map.h>
#include <grpcpp/grpcpp.h>

absl::flat_hash_map<std::string, std::shared_ptr<grpc::ClientContext>> g_calls;

void reserve_stock(const std::string &order_id) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  g_calls.try_emplace(order_id, ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request context is stored in static container 'g_calls' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-6]]:72: note: 'g_calls' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: g_calls.try_emplace(order_id, ctx);
  // CHECK-FIXES-NEXT: {{absl::Cleanup cancelRegistration = \[&\] \{ g_calls.erase\(order_id\); \};|auto cancelRegistration = absl::MakeCleanup\(\[&\] \{ g_calls.erase\(order_id\); \}\);}}
}
