// Timed waits and polls in a loop that observes the token: the loop sees a
// stop request within one period, so the token overloads are not needed.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex mu;
std::condition_variable_any cv;
bool ready = false;

bool poll_events(std::chrono::milliseconds timeout);
bool poll_events(std::chrono::milliseconds timeout, std::stop_token stop);

void start() {
  std::jthread t([](std::stop_token st) {
    while (!st.stop_requested()) {
      std::unique_lock lk(mu);
      if (!cv.wait_for(lk, 50ms, [] { return ready; }))
        continue;
      ready = false;
      lk.unlock();
      poll_events(10ms);
      auto deadline = std::chrono::steady_clock::now() + 1s;
      lk.lock();
      cv.wait_until(lk, deadline, [] { return ready; });
    }
  });
}
