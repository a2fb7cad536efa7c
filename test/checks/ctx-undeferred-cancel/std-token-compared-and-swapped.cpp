// std::stop_token copies compared and swapped among local variables stay in
// the function (libstdc++'s stop_token tests).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20
#include <stop_token>
#include <utility>

bool check(bool);

void compared_and_swapped() {
  std::stop_source src1, src2;
  std::stop_token tok = src1.get_token();
  std::stop_token copy(tok);
  check(copy == tok);
  check(copy != src2.get_token());
  src1.request_stop();
  std::stop_token moved(std::move(tok));
  tok.swap(moved);
  swap(moved, copy);
  check(tok.stop_requested());
}
