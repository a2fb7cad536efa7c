// In main, a detached thread whose creator then waits (joins another thread,
// waits on a condition variable or future) cannot outlive main's locals:
// silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

void drain(std::stop_token);

int main() {
  std::stop_source shutdown;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread([&] {
    drain(shutdown.get_token());
    std::lock_guard<std::mutex> lock(mu);
    done = true;
    cv.notify_one();
  }).detach();
  std::unique_lock<std::mutex> lock(mu);
  while (!done)
    cv.wait(lock);
  return 0;
}
