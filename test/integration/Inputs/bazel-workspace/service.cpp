// The service's entry point: one session, then shutdown.
#include "orders/upstream.h"

#include <iostream>

namespace orders {
std::string session(Upstream &up, std::stop_token shutdown);
} // namespace orders

int main() {
  orders::Upstream up;
  std::stop_source stop;
  std::string order = orders::session(up, stop.get_token());
  stop.request_stop();
  std::cout << order << "\n";
}
