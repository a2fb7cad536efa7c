// The token is asked somewhere in the body, however deep: in a nested if,
// a switch, or a lambda the loop calls.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

int next_event();
void step();

void nested_if(std::stop_token tok) {
  while (true) {
    if (next_event() > 0) {
      if (tok.stop_requested())
        return;
    }
    step();
  }
}

void in_switch(std::stop_token tok) {
  for (;;) {
    switch (next_event()) {
    case 0:
      if (tok.stop_requested())
        return;
      break;
    default:
      step();
    }
  }
}

void through_a_lambda(std::stop_token tok) {
  for (;;) {
    auto stopping = [&] { return tok.stop_requested(); };
    if (stopping())
      break;
    step();
  }
}
