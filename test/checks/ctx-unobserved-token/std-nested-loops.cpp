// Each loop is judged on its own: an inner loop that never asks the token
// is reported even when the outer one does; the outer loop observes the
// token when its inner loop does.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool more_input();
bool next_chunk();
void step();

void outer_asks(std::stop_token tok) {
  while (!tok.stop_requested()) {
    while (next_chunk())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-4]]:33: note: stop token 'tok' is received here
    // CHECK-FIXES: while (next_chunk() && !tok.stop_requested())
      step();
  }
}

void inner_asks(std::stop_token tok) {
  while (more_input()) {
    while (next_chunk() && !tok.stop_requested())
      step();
  }
}
