// Passing the received token, a copy of it, or a token moved from it is
// the chain working.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>
#include <utility>

void fetch(int id, std::stop_token tok = {});
void fetch_ref(int id, const std::stop_token &tok);

void direct(std::stop_token st) { fetch(1, st); }

void copy(std::stop_token st) {
  auto again = st;
  std::stop_token other{st};
  fetch(2, again);
  fetch_ref(3, other);
}

void moved(std::stop_token st) { fetch(4, std::move(st)); }

void from_source(std::stop_source &src) {
  // A source received by reference is not a token the callee expects; its
  // token is passed.
  fetch(5, src.get_token());
}
