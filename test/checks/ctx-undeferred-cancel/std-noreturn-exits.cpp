// [[noreturn]] calls end a path: std::abort, std::exit, std::terminate and
// the user's own.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <cstdlib>
#include <exception>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();
[[noreturn]] void die(const char *why);

void fatal_errors(int code) {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  if (code == 1)
    std::abort();
  if (code == 2)
    std::exit(2);
  if (code == 3)
    std::terminate();
  if (fail())
    die("corrupt order book");
  src.request_stop();
}
