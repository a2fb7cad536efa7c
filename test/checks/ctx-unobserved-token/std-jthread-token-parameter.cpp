// The callable of a std::jthread takes the thread's stop token and its loop
// never asks it: the destructor's request_stop() is lost and join() waits.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <atomic>
#include <thread>
#include <vector>

void serve_one();

void start(std::atomic<bool> &running) {
  std::jthread server([&](std::stop_token st) {
    while (running) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'st'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:43: note: stop token 'st' is received here
    // CHECK-FIXES: while (running && !st.stop_requested()) {
      serve_one();
    }
  });
}

void pool(unsigned n) {
  std::vector<std::jthread> workers;
  for (unsigned i = 0; i < n; ++i)
    workers.emplace_back([](std::stop_token st) {
      for (;;)
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: loop never observes stop token 'st'; a stop request cannot end it [ctx-unobserved-token]
      // CHECK-MESSAGES: :[[@LINE-3]]:45: note: stop token 'st' is received here
      // CHECK-FIXES: for (; !st.stop_requested();)
        serve_one();
    });
}
