// Code without cancellation leaks: ctx-tidy stays silent here.
#include <stop_token>
#include <string>

namespace orders {

std::string fetch(std::stop_token shutdown, bool &aborted) {
  std::stop_callback abortOnShutdown(shutdown, [&aborted] { aborted = true; });
  return aborted ? "" : "order";
}

} // namespace orders
