// Rule 2 with std::reference_wrapper: a copy of the source would have been
// safe, a reference to the request's local is not, with or without removal.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <functional>
#include <map>
#include <stop_token>

std::map<int, std::reference_wrapper<std::stop_source>> g_by_id;

void run(int id) {
  std::stop_source src;
  g_by_id.emplace(id, std::ref(src));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: std::reference_wrapper to a request cancel source is stored in static 'g_by_id' and dangles when the request ends [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-6]]:57: note: 'g_by_id' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: store a copy of the request cancel source instead: a copy shares the cancellation state and cannot dangle
}

// Erasing later, from another function, does not help: the source died when
// run() returned.
void finish(int id) { g_by_id.erase(id); }
