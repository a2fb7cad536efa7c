// std::condition_variable's timed waits end when their time passes: with no
// token overload to offer, a bounded wait is not reported.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>

using namespace std::chrono_literals;

std::mutex mu;
std::condition_variable cv;
bool ready = false;

bool await_ready(std::stop_token st) {
  std::unique_lock<std::mutex> lk(mu);
  while (!ready && !st.stop_requested())
    cv.wait_for(lk, 100ms);
  return cv.wait_until(lk, std::chrono::steady_clock::now() + 1s,
                       [] { return ready; });
}
