// A [&] lambda that names the token only in an unevaluated operand does not
// capture it. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <cstddef>
#include <stop_token>
#include <thread>

void report(std::size_t);

void start(std::stop_token tok) {
  std::thread([&] { report(sizeof(tok)); }).detach();
  std::thread([&] { decltype(tok) copy; (void)copy; }).detach();
}
