// folly's F14 maps behave like std::unordered_map.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>
#include <string>

#include <folly/container/F14Map.h>

static folly::F14NodeMap<std::string, std::stop_source> g_sources;

void begin_checkout(std::string cart) {
  std::stop_source src;
  g_sources.emplace(cart, src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request cancel source is stored in static container 'g_sources' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-6]]:57: note: 'g_sources' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_sources.erase(cart); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
