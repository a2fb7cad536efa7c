// do-while loops that ask the token in their condition or body, and a
// loop that asks a copy made inside it: each iteration observes.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool more_input();
void step();

void drain(std::stop_token tok) {
  do {
    step();
  } while (more_input() && !tok.stop_requested());
}

void retry(std::stop_token tok) {
  bool done = false;
  do {
    if (tok.stop_requested())
      return;
    done = more_input();
  } while (!done);
}

void poll(const std::stop_token &tok) {
  for (;;) {
    std::stop_token current = tok;
    if (current.stop_requested())
      break;
    step();
  }
}
