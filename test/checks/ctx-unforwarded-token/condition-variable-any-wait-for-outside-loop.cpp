// A timed wait outside any loop that observes the token: the overload that
// takes the token ends the wait at once on a stop request, not after the
// full timeout.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>

using namespace std::chrono_literals;

struct Gate {
  std::mutex mu;
  std::condition_variable_any opened;
  bool open = false;
};

bool await_open(Gate &g, std::stop_token st) {
  std::unique_lock lk(g.mu);
  return g.opened.wait_for(lk, 30s, [&] { return g.open; });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: call to 'wait_for' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: overload that takes it: 'wait_for(_Lock &, stop_token, const chrono::duration<_Rep, _Period> &, _Predicate)'
  // CHECK-FIXES: return g.opened.wait_for(lk, st, 30s, [&] { return g.open; });
}
