// Lambdas run before the function returns: algorithms, immediately invoked
// lambdas, std::function objects called in place. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <algorithm>
#include <functional>
#include <stop_token>
#include <vector>

bool ship(int order);

int ship_all(const std::vector<int> &orders, std::stop_token tok) {
  int shipped = std::count_if(orders.begin(), orders.end(), [&](int o) {
    return !tok.stop_requested() && ship(o);
  });
  [&tok] { (void)tok.stop_requested(); }();
  std::function<bool()> check = [&] { return tok.stop_requested(); };
  return check() ? 0 : shipped;
}
