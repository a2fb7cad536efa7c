// Stop callbacks registered on a request's token and kept in a static list:
// each one pins the token's state and its callable for the whole process.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <functional>
#include <list>
#include <stop_token>

using Callback = std::stop_callback<std::function<void()>>;
static std::list<Callback> g_callbacks;

void log_cancelled();

void on_request(std::stop_token tok) {
  g_callbacks.emplace_back(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request stop callback is stored in static container 'g_callbacks' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-7]]:28: note: 'g_callbacks' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request stop callback
}
