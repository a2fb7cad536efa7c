// Callables that receive no token: their loops are none of this check's
// business. A stop source is the caller's to cancel, not a token received;
// a local token is not received either.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>
#include <thread>

bool more_input();
void step();
void spawn(std::stop_token);

void no_token() {
  while (true)
    step();
}

void owns_the_source(std::stop_source src) {
  while (more_input())
    step();
  src.request_stop();
}

void local_token() {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  spawn(tok);
  for (;;)
    step();
}

void plain_thread() {
  std::thread t([] {
    for (;;)
      step();
  });
  t.detach();
}
