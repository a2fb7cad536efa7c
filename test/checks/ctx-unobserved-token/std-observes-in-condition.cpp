// The loop asks the token in its condition: a stop request ends it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool more_input();
void step();

void run(std::stop_token tok) {
  while (!tok.stop_requested())
    step();
  for (; more_input() && !tok.stop_requested();)
    step();
  do
    step();
  while (!tok.stop_requested());
}
