// A scope guard runs on the throw path too: a value saved with std::exchange
// and restored by a guard declared before the throw is put back on every exit.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <absl/cleanup/cleanup.h>
#include <stdexcept>
#include <stop_token>
#include <utility>

thread_local std::stop_token t_current;

bool validate();
void serve();

void handle(std::stop_token tok) {
  auto prev = std::exchange(t_current, tok);
  auto restore = absl::MakeCleanup([&] { t_current = prev; });
  if (!validate())
    throw std::runtime_error("invalid request");
  serve();
}

void handle_restore_by_move(std::stop_token tok) {
  auto prev = std::exchange(t_current, tok);
  auto restore = absl::MakeCleanup([&] { t_current = std::move(prev); });
  if (!validate())
    throw std::runtime_error("invalid request");
  serve();
}
