// condition_variable_any::wait(lock) has no token overload: each wait that
// takes a stop token also takes a predicate. Rule 2 reports it, without a
// fix (the predicate has to be written).
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable_any cv;
bool ready = false;

void consume();

void start() {
  std::jthread t([](std::stop_token st) {
    std::unique_lock lk(mu);
    while (!ready)
      cv.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: wait on 'cv' cannot be woken by a stop request on 'st' [ctx-unforwarded-token]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: a stop callback on 'st' that notifies 'cv' wakes it, or its wait that takes 'st' and a predicate
    consume();
  });
}
