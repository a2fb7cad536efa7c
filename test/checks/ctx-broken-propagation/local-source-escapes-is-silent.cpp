// A local source handed to other code (a registry, a lambda, a pointer) may
// be linked there: the check does not guess.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <functional>
#include <stop_token>

void fetch(int id, std::stop_token tok);
void track(std::stop_source &src, std::stop_token parent);
void later(std::function<void()> f);

void registered(std::stop_token tok) {
  std::stop_source src;
  track(src, tok);
  fetch(1, src.get_token());
}

void captured(std::stop_token tok) {
  std::stop_source src;
  later([&src] { src.request_stop(); });
  fetch(2, src.get_token());
  (void)tok;
}

void addressTaken(std::stop_token tok) {
  std::stop_source src;
  std::stop_source *p = &src;
  fetch(3, src.get_token());
  (void)p;
  (void)tok;
}
