// A member function handed a std::stop_token that waits on a member
// std::condition_variable with no predicate: the stop request reaches the
// token, nothing reaches the wait.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <vector>

class Batcher {
public:
  void drain(std::stop_token stop) {
    std::unique_lock<std::mutex> lock(mu_);
    while (pending_.empty() && !stop.stop_requested())
      ready_.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: wait on 'ready_' cannot be woken by a stop request on 'stop' [ctx-unforwarded-token]
    // CHECK-MESSAGES: :[[@LINE-2]]:14: note: a stop callback on 'stop' that notifies 'ready_' wakes it, or a wait on 'std::condition_variable_any' given 'stop' and a predicate
    pending_.clear();
  }

private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<int> pending_;
};
