// A local source linked to the received token by a stop callback
// registered before the call (also in a nested block, also through a local
// lambda) is part of the chain: a cancel of the request reaches it.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok);

void linked(std::stop_token tok) {
  std::stop_source src;
  std::stop_callback link(tok, [&src] { src.request_stop(); });
  fetch(1, src.get_token());
}

void linkedThroughCopy(std::stop_token tok) {
  std::stop_source src;
  auto copy = tok;
  std::stop_callback link(copy, [&] { src.request_stop(); });
  fetch(2, src.get_token());
}

void linkedInBlock(std::stop_token tok) {
  std::stop_source src;
  {
    std::stop_callback link(tok, [&src] { src.request_stop(); });
    fetch(3, src.get_token());
  }
}

void linkedThroughLambda(std::stop_token tok) {
  std::stop_source src;
  auto cancel = [&src] { src.request_stop(); };
  std::stop_callback link(tok, cancel);
  fetch(4, src.get_token());
}

bool done();

void linkedByHand(std::stop_token tok) {
  std::stop_source src;
  fetch(5, src.get_token());
  while (!done()) {
    if (tok.stop_requested())
      src.request_stop();
  }
}
