// A worker that waits on a std::condition_variable_any without its token
// and never asks the token: the loop is reported here (ctx-unforwarded-token
// reports the wait itself; both end when the token is passed to the wait).
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
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'st'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:42: note: stop token 'st' is received here
    // CHECK-FIXES: for (; !st.stop_requested();) {
      std::unique_lock lk(m);
      cv.wait(lk, [] { return !jobs.empty(); });
      int job = jobs.front();
      jobs.pop_front();
      lk.unlock();
      handle(job);
    }
  });
}
