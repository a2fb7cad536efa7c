// Code that receives no token has no chain to cut: tests of the library
// types, main, a function that starts the chain.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok = {});

bool empty_token_is_not_stoppable() {
  std::stop_token tok{};
  return !tok.stop_possible();
}

int main() {
  fetch(1);
  fetch(2, std::stop_token{});
  std::stop_source src;
  fetch(3, src.get_token());
  return empty_token_is_not_stoppable() ? 0 : 1;
}
