// A std::jthread callable without a token whose loop can end by itself
// (a break, a return, a throw, or a condition that is not constant true)
// is not reported: only a loop nothing inside can end makes the
// destructor's join wait forever.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <atomic>
#include <stdexcept>
#include <thread>

bool more_input();
void step();
std::atomic<bool> running{true};

void start() {
  std::jthread a([] {
    while (true) {
      if (!more_input())
        break;
      step();
    }
  });
  std::jthread b([] {
    for (;;) {
      if (!more_input())
        return;
      step();
    }
  });
  std::jthread c([] {
    for (;;) {
      if (!more_input())
        throw std::runtime_error("input closed");
      step();
    }
  });
  std::jthread d([] {
    while (running)
      step();
  });
}
