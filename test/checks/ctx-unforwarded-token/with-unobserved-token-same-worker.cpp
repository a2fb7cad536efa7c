// The three token checks read together: a loop that never observes its
// token and blocks in a wait that leaves the token out gets
// ctx-unobserved-token's warning at the loop and this check's at the wait.
// Fixing the loop's condition alone would still hang in the wait; passing
// the token to the wait ends both, since a loop that passes its token to a
// call observes it.
// REQUIRES: ctx-unobserved-token
// RUN: %check_ctx %s ctx-unobserved-token,ctx-unforwarded-token %t -std=c++20

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
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'wait' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
      // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: overload that takes it: 'wait(_Lock &, stop_token, _Predicate)'
      // CHECK-FIXES: cv.wait(lk, st, [] { return !jobs.empty(); });
      int job = jobs.front();
      jobs.pop_front();
      lk.unlock();
      handle(job);
    }
  });
}

void fixed() {
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
