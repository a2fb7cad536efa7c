// The fixed shape of the commonest jthread hang: the wait is given the
// token, so a stop request wakes it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable_any cv;
std::deque<int> queue;

void process(int);

std::jthread start() {
  return std::jthread([](std::stop_token st) {
    while (!st.stop_requested()) {
      std::unique_lock lk(mu);
      if (!cv.wait(lk, st, [] { return !queue.empty(); }))
        return;
      int item = queue.front();
      queue.pop_front();
      lk.unlock();
      process(item);
    }
  });
}
