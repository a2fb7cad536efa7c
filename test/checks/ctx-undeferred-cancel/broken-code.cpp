// Code with errors, as an editor sees it mid-keystroke: no crash, no warning.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -allow-compile-errors

#include <stop_token>
#include <thread>

void work(std::stop_token tok);

void half_typed(bool b) {
  std::stop_source src;
  std::thread(work, src.get_tok()).detach();
  if (b)
    return undeclared_thing;
  src.request_stop(
}

void missing_brace() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  if (unknown()) {
    return;
  src.request_stop();

auto [a, cancel] = nowhere::with_timeout(1);
