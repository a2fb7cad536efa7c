// A call that already passes the received token: another defaulted or empty
// token parameter of the same call is a deliberate choice.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void race(std::stop_token first, std::stop_token second = {});
void both(std::stop_token first, std::stop_token second);

void handle(std::stop_token st) {
  race(st);
  both(st, std::stop_token{});
}
