// Aliases of thread types that are joined (or a jthread alias that is not
// detached) stay silent, like the spelled-out types.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

using Watcher = std::jthread;
using Worker = std::thread;

void poll(std::stop_token tok);

void watch(std::stop_token tok) {
  Watcher w([&tok] { poll(tok); });
}

void work(std::stop_token tok) {
  Worker t([&tok] { poll(tok); });
  t.join();
}
