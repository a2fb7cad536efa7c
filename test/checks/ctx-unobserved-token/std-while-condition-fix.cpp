// A loop with a condition of its own keeps it and also asks the token;
// a condition that binds looser than && is parenthesised.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <atomic>
#include <stop_token>

bool more_input();
bool retry_pending();
void step();

struct Reader {
  std::atomic<bool> running_{true};
  void run(std::stop_token tok);
};

void Reader::run(std::stop_token tok) {
  while (running_) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:34: note: stop token 'tok' is received here
  // CHECK-FIXES: while (running_ && !tok.stop_requested()) {
    step();
  }
}

void either(std::stop_token tok) {
  while (more_input() || retry_pending())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: stop token 'tok' is received here
  // CHECK-FIXES: while ((more_input() || retry_pending()) && !tok.stop_requested())
    step();
}

void not_done(std::stop_token tok) {
  bool done = false;
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: stop token 'tok' is received here
    step();
    done = !more_input();
  } while (!done);
  // CHECK-FIXES: } while (!done && !tok.stop_requested());
}
