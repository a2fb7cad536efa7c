// An integer the loop tests but never steps does not bound it: the loop
// runs until something else changes the count, and a stop request cannot
// end it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool read_one();
void record(bool ok);
extern int pending;

void drain(std::stop_token tok) {
  while (pending) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:28: note: stop token 'tok' is received here
  // CHECK-FIXES: while (pending && !tok.stop_requested()) {
    record(read_one());
  }
}
