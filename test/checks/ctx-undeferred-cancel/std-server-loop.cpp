// Paths that never reach an exit owe no cancel: a server loop.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void serve_one(std::stop_token tok);

[[noreturn]] void serve_forever() {
  std::stop_source src;
  std::thread(serve_one, src.get_token()).detach();
  for (;;)
    serve_one(src.get_token());
}

void serve_until_signal() {
  std::stop_source src;
  std::thread(serve_one, src.get_token()).detach();
  while (true) {
    serve_one(src.get_token());
  }
}
