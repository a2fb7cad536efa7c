// A global source given a fresh source for a signal handler, outside main
// (Arrow's signal_stop_source, reset by each test that raises a signal): a
// signal handler can only reach a global, and a source made with no
// arguments in the assignment is a new root that no request's work holds.
// Arrow's StopSource is a user type named by the options.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -config="{CheckOptions: {CancelSourceTypes: 'arrow::StopSource', TokenTypes: 'arrow::StopToken', CancelMethods: 'arrow::StopSource::RequestStop', TokenMethods: 'arrow::StopSource::token'}}"

#include <optional>
#include <stop_token>
#include <vector>

namespace arrow {
class StopToken {
public:
  bool IsStopRequested() const;
};
class StopSource {
public:
  StopSource();
  void RequestStop();
  void RequestStopFromSignal(int signum);
  StopToken token();
};

static std::optional<StopSource> signal_stop_source;

static void signal_handler(int signum) {
  signal_stop_source->RequestStopFromSignal(signum);
}

void RequestStopFromSignal() {
  signal_stop_source = StopSource(); // Start with a fresh StopSource
  StopToken signal_token = signal_stop_source->token();
  (void)signal_token.IsStopRequested();
}
} // namespace arrow

// The same with std::stop_source, held directly.
std::stop_source g_shutdown;
extern "C" void on_sigterm(int) { g_shutdown.request_stop(); }
void install_shutdown_source() { g_shutdown = std::stop_source(); }

void spawn(std::stop_token tok);

// A local source whose token went to work, then parked in the global.
void park_request_source() {
  std::stop_source src;
  spawn(src.get_token());
  g_shutdown = src;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request cancel source is assigned to static 'g_shutdown' and outlives the request [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-12]]:18: note: 'g_shutdown' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: restore the previous value before every exit, or store the request's ids and deadline instead of the request cancel source
}

// Fresh sources added to a container: one more entry each time.
static std::vector<std::stop_source> g_sources;

void add_source() {
  g_sources.push_back(std::stop_source());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request cancel source is stored in static container 'g_sources' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:38: note: 'g_sources' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when the request ends, or store the request's ids and deadline instead of the request cancel source
}
