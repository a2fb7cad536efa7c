// `for (;;)` gets the query in its empty condition, with the init and the
// increment kept.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

void tick(unsigned long n);

void heartbeat(std::stop_token tok) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: stop token 'tok' is received here
  // CHECK-FIXES: for (; !tok.stop_requested();) {
    tick(0);
  }
}

void numbered(std::stop_token tok) {
  for (unsigned long n = 0; ; ++n)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:31: note: stop token 'tok' is received here
  // CHECK-FIXES: for (unsigned long n = 0; !tok.stop_requested(); ++n)
    tick(n);
}

void with_lambda_in_init(std::stop_token tok) {
  for (auto next = [](unsigned long v) { return v + 1; }; ; )
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:42: note: stop token 'tok' is received here
  // CHECK-FIXES: for (auto next = [](unsigned long v) { return v + 1; }; !tok.stop_requested(); )
    tick(next(1));
}
