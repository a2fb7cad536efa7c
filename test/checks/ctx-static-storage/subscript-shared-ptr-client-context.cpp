// A nested element type: the context sits inside a shared_ptr, filed with
// operator[].
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <map>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

namespace {
std::map<std::string, std::shared_ptr<grpc::ClientContext>> outgoing;
}

void call_inventory(const std::string &order_id) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  outgoing[order_id] = ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request context is stored in static container 'outgoing' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-7]]:61: note: 'outgoing' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { outgoing.erase(order_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
