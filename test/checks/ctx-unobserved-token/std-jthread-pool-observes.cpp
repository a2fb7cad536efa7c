// A thread pool written as it should be: each worker asks its stop token in
// the loop condition and waits on the queue with the token, so the pool's
// ~vector<jthread> requests stop and the joins return.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      workers_.emplace_back([this](std::stop_token st) {
        while (!st.stop_requested()) {
          std::function<void()> job;
          {
            std::unique_lock lock(mu_);
            if (!ready_.wait(lock, st, [&] { return !jobs_.empty(); }))
              return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
          }
          job();
        }
      });
  }

private:
  std::mutex mu_;
  std::condition_variable_any ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::jthread> workers_;
};

Pool make_pool() { return Pool(4); }
