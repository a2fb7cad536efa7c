// A stop callback registered before the loop notifies the condition
// variable the loop waits on: a stop request wakes the wait, and the
// predicate sees the flag the callback set.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>

class Worker {
public:
  void run(std::stop_token tok);

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<int> jobs_;
  bool stopping_ = false;
};

void handle(int);

void Worker::run(std::stop_token tok) {
  std::stop_callback wake(tok, [this] {
    std::lock_guard lk(m_);
    stopping_ = true;
    cv_.notify_all();
  });
  while (true) {
    std::unique_lock lk(m_);
    cv_.wait(lk, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_)
      return;
    int job = jobs_.front();
    jobs_.pop_front();
    lk.unlock();
    handle(job);
  }
}

// The same with local objects and a named callable.
void local(std::stop_token tok, std::deque<int> &jobs) {
  std::mutex m;
  std::condition_variable cv;
  bool stopping = false;
  auto notify = [&] {
    std::lock_guard lk(m);
    stopping = true;
    cv.notify_one();
  };
  std::stop_callback wake(tok, notify);
  for (;;) {
    std::unique_lock lk(m);
    cv.wait(lk, [&] { return stopping || !jobs.empty(); });
    if (stopping)
      break;
    jobs.pop_front();
  }
}
