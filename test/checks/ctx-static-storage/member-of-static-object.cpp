// A member of an object with static storage is static storage too.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>

struct Registry {
  std::map<int, std::stop_source> sources;
};

static Registry g_registry;

void start(int id) {
  std::stop_source src;
  g_registry.sources.emplace(id, src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request cancel source is stored in static container 'g_registry.sources' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-9]]:35: note: 'g_registry.sources' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_registry.sources.erase(id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
