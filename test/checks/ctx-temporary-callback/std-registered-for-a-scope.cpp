// std::stop_callback named in the scope its wake-up is needed for: a
// jthread worker that waits on a condition variable, a block inside a loop,
// a coroutine-free retry helper. No warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;

void worker() {
  std::jthread t([](std::stop_token st) {
    std::stop_callback wake(st, [] { cv.notify_all(); });
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return ready || st.stop_requested(); });
  });
}

void per_attempt(std::stop_token tok) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::stop_callback onStop(tok, [] { cv.notify_one(); });
    std::unique_lock lock(mu);
    if (cv.wait_for(lock, std::chrono::milliseconds(10), [] { return ready; }))
      return;
  }
}
