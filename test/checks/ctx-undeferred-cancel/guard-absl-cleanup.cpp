// absl::Cleanup that cancels covers every path, whether it is declared
// before or after the token is taken, and also a throw.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <absl/cleanup/cleanup.h>
#include <stdexcept>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void guard_after_token() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  absl::Cleanup cancel = [&] { src.request_stop(); };
  if (fail())
    return;
}

void guard_before_token() {
  std::stop_source src;
  absl::Cleanup cancel = [&] { src.request_stop(); };
  std::thread(work, src.get_token()).detach();
  if (fail())
    throw std::runtime_error("failed");
}

void guard_runs_named_lambda() {
  std::stop_source src;
  auto stop = [&] { src.request_stop(); };
  absl::Cleanup cancel = stop;
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
}
