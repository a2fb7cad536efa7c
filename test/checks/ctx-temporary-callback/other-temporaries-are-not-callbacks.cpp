// Temporaries of other cancellation types thrown away at the end of a
// statement: a source, a token, a thread that owns a stop source. Whatever
// is wrong with them, no stop callback is deregistered early; this check
// stays silent (ctx-undeferred-cancel and the other checks own them).
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token);

void discarded(std::stop_source &src) {
  std::stop_source();
  std::stop_token();
  (void)src.get_token();
  std::stop_source{}.request_stop();
  std::jthread([](std::stop_token st) { work(st); });
}
