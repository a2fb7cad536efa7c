// std::condition_variable_any::wait(lock, token, predicate) returns when a
// stop is requested: the loop that waits with the token observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable_any cv;
std::deque<int> jobs;
void handle(int);

void start() {
  std::jthread worker([](std::stop_token st) {
    for (;;) {
      std::unique_lock lk(m);
      if (!cv.wait(lk, st, [] { return !jobs.empty(); }))
        return;
      int job = jobs.front();
      jobs.pop_front();
      lk.unlock();
      handle(job);
    }
  });
}
