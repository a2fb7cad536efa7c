// A source obtained from a local jthread that stays joinable: the thread's
// destructor requests stop on every path.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void heartbeat(std::stop_token tok);
void notify(std::stop_token tok);
bool fail();

void with_heartbeat() {
  std::jthread beat(heartbeat);
  std::stop_source src = beat.get_stop_source();
  notify(src.get_token());
  if (fail())
    return;
}

// A jthread body that takes its own stop_token needs nothing either.
void jthread_token() {
  std::jthread beat([](std::stop_token tok) { heartbeat(tok); });
  if (fail())
    return;
}
