// Rule 4: a pointer to the request's context kept in a member of a global
// server object.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -fix-notes

#include <grpcpp/grpcpp.h>

class OrderServer {
public:
  void on_call(grpc::ServerContext *ctx) {
    last_ = ctx;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: pointer to a request context is stored in 'OrderServer::last_', a member of long-lived 'OrderServer', and dangles when the request ends [ctx-static-storage]
    // CHECK-MESSAGES: :[[@LINE+6]]:24: note: 'OrderServer::last_' declared here
    // CHECK-MESSAGES: :[[@LINE+8]]:13: note: 'OrderServer' is long-lived: 'g_server' has static storage
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: store the request's ids and deadline instead of a pointer to the request context
  }

private:
  grpc::ServerContext *last_ = nullptr;
};

OrderServer g_server;
