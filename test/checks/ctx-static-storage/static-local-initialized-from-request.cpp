// A function-local static initialized from a parameter keeps the first
// request's token forever.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>

bool first_was_cancelled(std::stop_token tok) {
  static std::stop_token first = tok;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: request token is kept in static 'first' and outlives the request [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: a static is initialized once and keeps the first request's token for the life of the process
  return first.stop_requested();
}
