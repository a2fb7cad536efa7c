// A std::jthread callable receives the thread's stop token; a stop source it
// makes for its own sub-task is cut off from the thread's stop request
// unless it is linked.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>
#include <thread>

void step(std::stop_token tok);

void start() {
  std::jthread worker([](std::stop_token stop) {
    std::stop_source sub;
    step(sub.get_token());
    // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: the token of cancel source 'sub' is given to 'step', but cancelling token 'stop' does not reach 'sub' [ctx-broken-propagation]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the token is passed here; link 'sub' to 'stop' with a stop callback that cancels it
    // CHECK-MESSAGES: :[[@LINE-5]]:42: note: token 'stop' is received here
  });
}
