// A handler lambda written inside main still runs once per request: only
// main's own statements are exempt.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <functional>
#include <map>
#include <stop_token>

static std::map<int, std::stop_token> g_tokens;
std::function<void(int, std::stop_token)> g_handler;

int main() {
  g_handler = [](int id, std::stop_token tok) {
    g_tokens[id] = tok;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request token is stored in static container 'g_tokens' and never removed [ctx-static-storage]
    // CHECK-MESSAGES: :[[@LINE-7]]:39: note: 'g_tokens' declared here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: erase the entry when this scope ends
    // CHECK-FIXES: auto cancelRegistrationFn = [&] { g_tokens.erase(id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
  };
  return 0;
}
