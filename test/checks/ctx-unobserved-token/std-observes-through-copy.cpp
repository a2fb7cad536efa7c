// A local copy of the token is the token: asking the copy observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

void step();

void copy_by_auto(std::stop_token tok) {
  auto t = tok;
  while (!t.stop_requested())
    step();
}

void copy_by_braces(const std::stop_token &tok) {
  std::stop_token t{tok};
  for (;;) {
    if (t.stop_requested())
      break;
    step();
  }
}

void copy_of_a_copy(std::stop_token tok) {
  std::stop_token a = tok;
  const std::stop_token &b = a;
  while (true) {
    if (b.stop_requested())
      return;
    step();
  }
}
