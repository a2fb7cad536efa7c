// Order stream: aborts the upstream read when the service shuts down.
#include "orders/upstream.h"

namespace orders {

std::string serve(Upstream &up, std::stop_token shutdown) {
  // Leak: deregistered at the end of this statement (ctx-temporary-callback).
  std::stop_callback(shutdown, [&up] { up.abort(); });
  return up.read();
}

std::string serveCorrectly(Upstream &up, std::stop_token shutdown) {
  std::stop_callback abortOnShutdown(shutdown, [&up] { up.abort(); });
  return up.read();
}

} // namespace orders
