// Upstream connection shared by the order service's sources.
#pragma once

#include <stop_token>
#include <string>

namespace orders {

class Upstream {
public:
  std::string read() { return "order"; }
  void abort() { aborted = true; }
  bool aborted = false;
};

// Leak: the temporary callback deregisters at once (ctx-temporary-callback,
// line 19). Seen by every source that includes this header.
inline std::string readOnce(Upstream &up, std::stop_token shutdown) {
  std::stop_callback(shutdown, [&up] { up.abort(); });
  return up.read();
}

} // namespace orders
