// A worker handed a stop token whose endless loop never asks it: the token's
// query becomes the loop's condition.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

void poll_sensors();
void flush_batch();

void sample(std::stop_token tok) {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: stop token 'tok' is received here
  // CHECK-FIXES: while (!tok.stop_requested()) {
    poll_sensors();
  }
}

void batch(const std::stop_token &stop) {
  while (1)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'stop'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:35: note: stop token 'stop' is received here
    // CHECK-FIXES: while (!stop.stop_requested())
    flush_batch();
}

void drain(std::stop_token tok) {
  do {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:28: note: stop token 'tok' is received here
    flush_batch();
  } while (true);
  // CHECK-FIXES: } while (!tok.stop_requested());
}
