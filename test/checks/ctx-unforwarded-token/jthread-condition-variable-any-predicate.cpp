// The commonest std::jthread shutdown hang: the loop checks its token, then
// blocks in a wait that a stop request never wakes. The token overload of
// condition_variable_any::wait was in reach.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

struct Queue {
  std::mutex mu;
  std::condition_variable_any cv;
  std::deque<int> items;
};

void process(int);

void start(Queue &q) {
  std::jthread worker([&q](std::stop_token st) {
    while (!st.stop_requested()) {
      std::unique_lock lk(q.mu);
      q.cv.wait(lk, [&] { return !q.items.empty(); });
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'wait' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
      // CHECK-MESSAGES: condition_variable:{{[0-9]+}}:{{[0-9]+}}: note: overload that takes it: 'wait(_Lock &, stop_token, _Predicate)'
      // CHECK-FIXES: q.cv.wait(lk, st, [&] { return !q.items.empty(); });
      if (q.items.empty())
        continue;
      int item = q.items.front();
      q.items.pop_front();
      lk.unlock();
      process(item);
    }
  });
}
