// A static data member of a class defined in this file.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <map>
#include <memory>

#include <grpcpp/grpcpp.h>

struct Outbox {
  static std::map<long, std::unique_ptr<grpc::ClientContext>> in_flight;
};
std::map<long, std::unique_ptr<grpc::ClientContext>> Outbox::in_flight;

void send(long id) {
  Outbox::in_flight.emplace(id, std::make_unique<grpc::ClientContext>());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request context is stored in static container 'Outbox::in_flight' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-7]]:63: note: 'Outbox::in_flight' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { Outbox::in_flight.erase(id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
