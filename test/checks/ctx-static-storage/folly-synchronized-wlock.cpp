// folly::Synchronized is seen through: wlock()->emplace stores into the map
// it guards, and the hint erases through the same lock.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>

#include <folly/Synchronized.h>

folly::Synchronized<std::map<int, std::stop_token>> g_tokens;

void on_request(int id, std::stop_token tok) {
  g_tokens.wlock()->emplace(id, tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is stored in static container 'g_tokens' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:53: note: 'g_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_tokens.wlock()->erase(id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
