// condition_variable_any::wait with a stop token runs on this thread and
// returns before the function goes on: the token does not outlive it.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20
#include <condition_variable>
#include <chrono>
#include <mutex>
#include <stop_token>

bool failed();

void waits_here(std::condition_variable_any &cv, std::mutex &m, bool &ready) {
  std::stop_source src;
  std::unique_lock lock(m);
  cv.wait(lock, src.get_token(), [&] { return ready; });
  if (failed())
    return;
  cv.wait_for(lock, src.get_token(), std::chrono::seconds(1), [&] { return ready; });
  cv.wait_until(lock, src.get_token(), std::chrono::steady_clock::now(), [&] { return ready; });
}
