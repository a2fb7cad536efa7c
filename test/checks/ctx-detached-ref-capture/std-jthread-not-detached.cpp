// A std::jthread that is not detached joins in its destructor, before the
// locals it captured are destroyed: silent. So is a jthread whose lambda
// takes the thread's own stop token.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

void scoped(std::stop_source &src) {
  std::stop_token tok = src.get_token();
  std::jthread worker([&] { drain(tok); });
  std::jthread other([&src] { drain(src.get_token()); });
}

void own_token() {
  std::jthread worker([](std::stop_token st) { drain(st); });
}
