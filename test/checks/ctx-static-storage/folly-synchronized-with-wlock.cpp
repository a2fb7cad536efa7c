// withWLock hands the guarded map to a lambda; the store inside it is a
// store into the static map. The lambda's scope is the critical section, not
// the request, so no guard is offered there.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>

#include <folly/Synchronized.h>

folly::Synchronized<std::map<int, std::stop_token>> g_tokens;

void generic_lambda(int id, std::stop_token tok) {
  g_tokens.withWLock([&](auto &m) { m.emplace(id, tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: request token is stored in static container 'g_tokens' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:53: note: 'g_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
}

void typed_lambda(int id, std::stop_token tok) {
  g_tokens.withWLock([&](std::map<int, std::stop_token> &m) { m[id] = tok; });
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: request token is stored in static container 'g_tokens' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-12]]:53: note: 'g_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:63: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
}
