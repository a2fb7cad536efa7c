// insert({key, value}): the key is the first element of the braced pair.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>
#include <unordered_map>

static std::unordered_map<long, std::stop_source> g_sources;

struct Request {
  long id;
};

void start(const Request &req) {
  std::stop_source src;
  g_sources.insert({req.id, src});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request cancel source is stored in static container 'g_sources' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-10]]:51: note: 'g_sources' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_sources.erase(req.id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
