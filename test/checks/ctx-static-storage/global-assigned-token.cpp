// Rule 3: "remember the last request's token" in a global.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>

std::stop_token g_last_token;

void handle(std::stop_token tok) {
  g_last_token = tok;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is assigned to static 'g_last_token' and outlives the request [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'g_last_token' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: restore the previous value before every exit, or store the request's ids and deadline instead of the request token
}
