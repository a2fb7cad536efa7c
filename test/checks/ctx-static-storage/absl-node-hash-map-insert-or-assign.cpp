// absl::node_hash_map with insert_or_assign, from a member function of a
// short-lived handler: the container is static, the handler is not.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>

#include <absl/container/node_hash_map.h>

absl::node_hash_map<int, std::stop_token> g_by_order;

class OrderHandler {
public:
  void handle(int order_id, std::stop_token tok) {
    g_by_order.insert_or_assign(order_id, tok);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request token is stored in static container 'g_by_order' and never removed [ctx-static-storage]
    // CHECK-MESSAGES: :[[@LINE-7]]:43: note: 'g_by_order' declared here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: erase the entry when this scope ends
    // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_by_order.erase(order_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
  }
};
