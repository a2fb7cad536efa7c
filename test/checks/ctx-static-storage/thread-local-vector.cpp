// thread_local storage lives as long as the worker thread: a pool thread
// serves thousands of requests.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <stop_token>
#include <vector>

thread_local std::vector<std::stop_token> t_seen;

void serve(std::stop_token tok) {
  t_seen.push_back(tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is stored in static container 't_seen' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:43: note: 't_seen' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request token
}
