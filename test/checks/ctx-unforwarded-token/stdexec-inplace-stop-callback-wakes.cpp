// stdexec's inplace_stop_callback on the received token notifies the
// condition variable the worker waits on.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stdexec/stop_token.hpp>

struct Signal {
  std::mutex mu;
  std::condition_variable cv;
  bool fired = false;
};

void wait_for_signal(Signal &s, stdexec::inplace_stop_token stop) {
  auto notify = [&s]() noexcept { s.cv.notify_all(); };
  stdexec::inplace_stop_callback<decltype(notify)> cb(stop, notify);
  std::unique_lock<std::mutex> lk(s.mu);
  s.cv.wait(lk, [&] { return s.fired || stop.stop_requested(); });
}
