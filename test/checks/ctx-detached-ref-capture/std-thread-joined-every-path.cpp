// Threads joined on every path outlive nothing: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

void joined(std::stop_token tok) {
  std::thread t([&] { drain(tok); });
  t.join();
}

void joined_on_both_branches(std::stop_source &src, bool fast) {
  std::thread t([&src] { drain(src.get_token()); });
  if (fast) {
    src.request_stop();
    t.join();
    return;
  }
  t.join();
}

void detach_is_unreachable(std::stop_token tok) {
  std::thread t([&tok] { drain(tok); });
  t.join();
  return;
  t.detach();
}
