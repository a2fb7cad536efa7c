// Callables that receive no token: nothing to forward, and a wait that no
// stop request is meant to end.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;

void fetch(int id);
void fetch(int id, std::stop_token stop);

void plain_worker() {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return ready; });
  fetch(1);
}

void start() {
  std::thread t([] {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [] { return ready; });
    fetch(2);
  });
  t.join();
}
