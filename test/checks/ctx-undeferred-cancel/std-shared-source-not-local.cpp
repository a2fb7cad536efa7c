// Sources behind a pointer or in a member are not local handles: their
// lifetime is not this function's (out of scope for this check).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <memory>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

struct Service {
  std::stop_source shutdown;
  void start() {
    std::thread(work, shutdown.get_token()).detach();
    if (fail())
      return;
  }
};

void shared() {
  auto src = std::make_shared<std::stop_source>();
  std::thread(work, src->get_token()).detach();
  if (fail())
    return;
}
