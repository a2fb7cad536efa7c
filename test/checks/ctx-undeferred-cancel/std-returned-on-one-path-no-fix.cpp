// `return src;` hands the source to the caller (NRVO): a guard would cancel
// what the caller now owns, so no fix is offered, not even on the note.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -fix-notes

#include <optional>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

std::optional<std::stop_source> start() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  std::thread(work, src.get_token()).detach();
  if (fail())
    return std::nullopt;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  return src;
}
