// A lambda's init-capture of the token, and a coroutine-style worker that
// hands its capture on: the chain is intact.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>
#include <thread>

void poll_once(std::stop_token tok = {});

void start(std::stop_token st) {
  auto step = [t = st] { poll_once(t); };
  step();
  std::jthread worker([](std::stop_token stop) { poll_once(stop); });
  auto by_ref = [&st] { poll_once(st); };
  by_ref();
}
