#include <stop_token>

void f(std::stop_token t) {
  std::stop_callback(t, [] {});
}
