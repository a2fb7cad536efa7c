// Callees whose purpose is to run detached, listed in IgnoredCallees (read
// local-or-global, shared with ctx-unforwarded-token).
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20 -config="{CheckOptions: {IgnoredCallees: 'audit::log;telemetry::Sink::emit'}}"

#include <stop_token>

namespace audit {
void log(const char *what, std::stop_token tok = {});
}
namespace telemetry {
struct Sink {
  void emit(int event, std::stop_token tok = {});
};
} // namespace telemetry

void handle(std::stop_token st, telemetry::Sink &sink) {
  audit::log("request");
  audit::log("request", std::stop_token{});
  sink.emit(1);
  (void)st;
}
