// A function that receives no token starts a chain: its own stop source is
// the root, there is nothing to link it to.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok);

int main() {
  std::stop_source src;
  fetch(1, src.get_token());
  src.request_stop();
}

void startJob(int id) {
  std::stop_source src;
  fetch(id, src.get_token());
}
