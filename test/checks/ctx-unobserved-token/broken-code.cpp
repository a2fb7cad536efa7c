// Code with errors, as an editor sees it mid-keystroke: no crash, and no
// warning built on a guess.
// RUN: %check_ctx %s ctx-unobserved-token %t -allow-compile-errors -std=c++20

#include <stop_token>
#include <thread>

void step();

void undeclared_condition(std::stop_token tok) {
  while (not_declared_yet())
    step();
}

void undeclared_use_in_body(std::stop_token tok) {
  for (;;) {
    if (tok.stop_requestd())
      break;
    step();
  }
}

// clang recovers the misspelt type as std::stop_token ("did you mean"), so
// the function is analysed as it will read once corrected.
void misspelt_token_type(std::stop_tokn tok) {
  for (;;)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:41: note: stop token 'tok' is received here
    step();
}

void jthread_half_written() {
  std::jthread t([] {
    while (true)
      step(
  });
}

void unbalanced(std::stop_token tok) {
  while (true) {
    step();
