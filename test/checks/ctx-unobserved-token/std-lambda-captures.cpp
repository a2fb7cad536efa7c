// A lambda that captures the token (by copy, by reference, by an
// init-capture, or implicitly) receives it; the note points at the capture.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool more_input();
void step();
template <class F> void post(F f) { f(); }

void by_copy(std::stop_token tok) {
  post([tok] {
    while (more_input())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: stop token 'tok' is received here
    // CHECK-FIXES: while (more_input() && !tok.stop_requested())
      step();
    (void)tok;
  });
}

void by_init_capture(std::stop_token tok) {
  post([t = tok] {
    for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 't'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: stop token 't' is received here
    // CHECK-FIXES: for (; !t.stop_requested();)
      step();
  });
}

void implicit_reference(std::stop_token tok) {
  post([&] {
    while (more_input())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: stop token 'tok' is received here
    // CHECK-FIXES: while (more_input() && !tok.stop_requested())
      step();
    tok.stop_possible();
  });
}
