// A function-local static reached through a reference: auto &reg = registry().
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <map>
#include <memory>

#include <grpcpp/grpcpp.h>

static std::map<int, std::shared_ptr<grpc::ClientContext>> &registry() {
  static std::map<int, std::shared_ptr<grpc::ClientContext>> calls;
  return calls;
}

void call_payment(int order_id) {
  auto &reg = registry();
  auto ctx = std::make_shared<grpc::ClientContext>();
  reg[order_id] = ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request context is stored in static container 'calls' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-9]]:62: note: 'calls' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { reg.erase(order_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}

void call_shipping(int order_id) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  registry().emplace(order_id, ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request context is stored in static container 'calls' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-18]]:62: note: 'calls' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { registry().erase(order_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
