// A lambda that captures the token and asks it, or hands it on, in its loop.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool more_input();
void step();
void step(std::stop_token);
template <class F> void post(F f) { f(); }

void asks(std::stop_token tok) {
  post([tok] {
    while (more_input() && !tok.stop_requested())
      step();
  });
}

void hands_on(std::stop_token tok) {
  post([&] {
    for (;;)
      step(tok);
  });
}
