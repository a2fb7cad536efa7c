// A default that is computed (a process-wide shutdown token) may be
// cancelled by someone: it is not reported as empty.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

std::stop_token shutdown_token();
void drain(std::stop_token tok = shutdown_token());
void other(int n = 0);

void handle(std::stop_token st) {
  drain();
  other();
  (void)st;
}
