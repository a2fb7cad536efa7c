// A std::jthread callable that takes the stop token without naming it: the
// fix names the parameter and asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <thread>

void pump();

void start() {
  std::jthread t([](std::stop_token) {
    while (true)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes its unnamed stop token; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the unnamed stop token is received here
    // CHECK-FIXES: std::jthread t([](std::stop_token stop) {
    // CHECK-FIXES: while (!stop.stop_requested())
      pump();
  });
}

// Two loops would each need the name: reported without a fix.
void two_loops() {
  std::jthread t([](std::stop_token) {
    while (true)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes its unnamed stop token; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the unnamed stop token is received here
      pump();
    for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes its unnamed stop token; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-7]]:21: note: the unnamed stop token is received here
      pump();
  });
  // CHECK-FIXES: std::jthread t([](std::stop_token) {
}
