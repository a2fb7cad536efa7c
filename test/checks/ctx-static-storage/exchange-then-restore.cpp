// std::exchange saves the previous value in the same expression that stores
// the new one; it is put back before the function returns.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <stop_token>
#include <utility>

thread_local std::stop_token t_token;

void work();

void handle(std::stop_token tok) {
  std::stop_token previous = std::exchange(t_token, tok);
  work();
  t_token = previous;
}
