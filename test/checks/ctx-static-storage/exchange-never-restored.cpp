// std::exchange stores the request's token and saves the old one, but the
// old one is never put back.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>
#include <utility>

thread_local std::stop_token t_token;

void work();

void handle(std::stop_token tok) {
  std::stop_token previous = std::exchange(t_token, tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: request token is assigned to static 't_token' and outlives the request [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-7]]:30: note: 't_token' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: restore the previous value before every exit, or store the request's ids and deadline instead of the request token
  work();
  (void)previous;
}
