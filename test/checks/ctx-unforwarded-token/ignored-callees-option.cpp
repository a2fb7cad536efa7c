// Deliberate non-forwarding: audit records are written to the end even when
// the request is cancelled. IgnoredCallees is read local-or-global, so one
// list serves ctx-broken-propagation too.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -config="{CheckOptions: {IgnoredCallees: 'audit::record;Sink::flush'}}"

#include <stop_token>

namespace audit {
void record(int event);
void record(int event, std::stop_token stop);
} // namespace audit

struct Sink {
  void flush();
  void flush(std::stop_token stop);
};

void handle(Sink &sink, std::stop_token st) {
  if (st.stop_requested())
    audit::record(1);
  sink.flush();
}
