// Seastar: abort_source::subscribe returns the registration in an
// optimized_optional; a subscription thrown away unsubscribes at the end of
// the statement, so the callback never runs.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/util/optimized_optional.hh>

struct connection {
  void shutdown() noexcept;
  void serve();
};

void serve(seastar::abort_source &as, connection &con) {
  as.subscribe([&con]() noexcept { con.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::abort_source::subscription' returned by 'subscribe' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = as.subscribe([&con]() noexcept { con.shutdown(); });
  con.serve();
}

void serve_through_pointer(seastar::abort_source *as, connection &con) {
  as->subscribe([&con]() noexcept { con.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::abort_source::subscription' returned by 'subscribe'
  // CHECK-FIXES: auto stopCallback = as->subscribe([&con]() noexcept { con.shutdown(); });
  con.serve();
}

// A helper that hands its caller the registration.
seastar::optimized_optional<seastar::abort_source::subscription>
shutdown_on_abort(seastar::abort_source &as, connection &con);

void serve_with_helper(seastar::abort_source &as, connection &con) {
  shutdown_on_abort(as, con);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::abort_source::subscription' returned by 'shutdown_on_abort' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = shutdown_on_abort(as, con);
  con.serve();
}
