// A template is analysed once, in its definition, not per instantiation.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>

static std::map<long, std::stop_token> g_tokens;

template <class Id>
void remember(Id id, std::stop_token tok) {
  g_tokens.emplace(id, tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is stored in static container 'g_tokens' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-6]]:40: note: 'g_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
}

void handle_int(int id, std::stop_token tok) { remember(id, tok); }
void handle_long(long id, std::stop_token tok) { remember(id, tok); }
