// Code with errors (an editor mid-keystroke): no crash, no warning.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20 -allow-compile-errors

#include <stop_token>
#include <thread>

void drain(std::stop_token);

void half_written(std::stop_token tok) {
  std::thread([&tok, &missing] { drain(tok); undeclared(); }).detach();
  std::thread t([&] { drain(tok) });
  t.detach(
  std::thread([&] { drain(unknown_token); }).detach();
}

void unterminated(std::stop_token tok) {
  std::thread([&tok] { drain(tok);
