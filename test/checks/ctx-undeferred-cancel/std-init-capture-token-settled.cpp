// Tokens taken in init-captures of lambdas that are cancelled after on every
// path, or that run before the statement ends, need nothing more.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void keep(std::stop_token tok);
bool failed();

void cancelled_on_every_path() {
  std::stop_source src;
  std::thread([tok = src.get_token()] { keep(tok); }).detach();
  if (failed()) {
    src.request_stop();
    return;
  }
  src.request_stop();
}

bool immediately_invoked() {
  std::stop_source src;
  return [tok = src.get_token()] { return tok.stop_requested(); }();
}

void never_leaves() {
  std::stop_source src;
  auto poll = [tok = src.get_token()] { return tok.stop_requested(); };
  while (!poll()) {
  }
}
