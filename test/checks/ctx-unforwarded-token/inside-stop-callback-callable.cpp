// Calls inside a stop callback's own callable run on the stop request: the
// callable captures the token, but waking others is its job.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>

void flush(int id);
void flush(int id, std::stop_token stop);

std::mutex mu;
std::condition_variable cv;
bool done = false;

void serve(std::stop_token st) {
  std::stop_callback on_stop(st, [st] {
    flush(0);
    cv.notify_all();
  });
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [&] { return done || st.stop_requested(); });
}
