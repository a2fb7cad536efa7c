// A std::thread callable receives no stop token, and a function that holds
// only a std::stop_source by value does not receive one either: a stop is
// requested through a source, not delivered to the callable.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

std::mutex mu;
std::condition_variable_any cv;
bool ready = false;

void run_detached() {
  std::thread([] {
    std::unique_lock lk(mu);
    cv.wait(lk, [] { return ready; });
  }).detach();
}

void owner(std::stop_source src) {
  std::unique_lock lk(mu);
  cv.wait(lk, [] { return ready; });
  src.request_stop();
}
