// The standard correct pattern with std::condition_variable: a stop
// callback on the token, registered before the wait, notifies the condition
// variable, and the predicate sees the stop.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class Pool {
public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) {
      std::stop_callback wake(st, [this] { ready_.notify_all(); });
      while (true) {
        std::unique_lock<std::mutex> lk(mu_);
        ready_.wait(lk, [&] { return !jobs_.empty() || st.stop_requested(); });
        if (st.stop_requested())
          return;
        jobs_.pop_front();
      }
    });
  }

private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<int> jobs_;
  std::jthread worker_;
};
