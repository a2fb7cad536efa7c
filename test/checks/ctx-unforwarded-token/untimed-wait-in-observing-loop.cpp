// In a loop that observes the token, a timed wait sees the stop within one
// period and stays silent; an untimed wait of the same function in the same
// loop does not, and is reported.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex mu;
std::condition_variable_any cv;
std::deque<int> work;
bool paused = false;

void handle(int);

void start() {
  std::jthread t([](std::stop_token st) {
    while (!st.stop_requested()) {
      std::unique_lock lk(mu);
      if (!cv.wait_for(lk, 100ms, [] { return !work.empty(); }))
        continue;
      cv.wait(lk, [] { return !paused; });
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'wait' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
      // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: overload that takes it: 'wait(_Lock &, stop_token, _Predicate)'
      // CHECK-FIXES: cv.wait(lk, st, [] { return !paused; });
      int w = work.front();
      work.pop_front();
      lk.unlock();
      handle(w);
    }
  });
}
