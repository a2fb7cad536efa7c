// Session: reads one order through the shared header.
#include "orders/upstream.h"

namespace orders {

std::string session(Upstream &up, std::stop_token shutdown) {
  return readOnce(up, shutdown);
}

} // namespace orders
