// A sequence of (id, token) pairs: no key to erase by, so the hint says what
// to do instead and carries no fix.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>
#include <utility>
#include <vector>

std::vector<std::pair<int, std::stop_token>> g_inflight;

void track(int id, std::stop_token tok) {
  g_inflight.push_back({id, tok});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is stored in static container 'g_inflight' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:46: note: 'g_inflight' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
}
