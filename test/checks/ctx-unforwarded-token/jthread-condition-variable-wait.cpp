// std::condition_variable has no wait that takes a stop token: a jthread
// worker blocked in it sleeps through the stop request its destructor makes.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>

std::mutex mu;
std::condition_variable cv;
std::queue<int> jobs;

void run(int);

std::jthread start() {
  return std::jthread([](std::stop_token st) {
    while (!st.stop_requested()) {
      std::unique_lock<std::mutex> lk(mu);
      cv.wait(lk, [&] { return !jobs.empty() || st.stop_requested(); });
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: wait on 'cv' cannot be woken by a stop request on 'st' [ctx-unforwarded-token]
      // CHECK-MESSAGES: :[[@LINE-2]]:10: note: a stop callback on 'st' that notifies 'cv' wakes it, or a wait on 'std::condition_variable_any' given 'st' and a predicate
      if (st.stop_requested())
        return;
      int job = jobs.front();
      jobs.pop();
      lk.unlock();
      run(job);
    }
  });
}
