// A local token that starts empty and is given the received one before the
// call: the value passed is the received token.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok);
void choose(std::stop_token &out);

void assigned(std::stop_token st, bool linked) {
  std::stop_token tok;
  if (linked)
    tok = st;
  fetch(1, tok);
}

void filled_by_callee(std::stop_token st) {
  std::stop_token tok;
  choose(tok);
  fetch(2, tok);
  (void)st;
}
