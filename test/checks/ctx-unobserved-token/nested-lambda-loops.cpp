// A lambda defined in a function that receives a token is its own callable:
// when it does not capture the token, its loop is not the function's; when
// the function's loop defines a lambda that asks the token, the loop
// observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>
#include <vector>

void step();
void run_later(void (*)());
template <class F> void on_idle(F f) { f(); }

void outer(std::stop_token tok) {
  run_later([] {
    for (;;)
      step();
  });
  while (!tok.stop_requested())
    on_idle([tok] {
      if (tok.stop_requested())
        return;
      step();
    });
}
