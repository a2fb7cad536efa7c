// Seastar: silencing [[nodiscard]] with a cast to void or std::ignore still
// destroys the subscription at once. Naming it would need the cast or the
// assignment rewritten as well: no fix.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <tuple>

struct connection {
  void shutdown() noexcept;
  void serve();
};

void cast_to_void(seastar::abort_source &as, connection &con) {
  (void)as.subscribe([&con]() noexcept { con.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'seastar::abort_source::subscription' returned by 'subscribe' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  con.serve();
}

void assigned_to_ignore(seastar::abort_source &as, connection &con) {
  std::ignore = as.subscribe([&con]() noexcept { con.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'seastar::abort_source::subscription' returned by 'subscribe' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  con.serve();
}

void unbraced_branch(seastar::abort_source &as, connection &con, bool watch) {
  if (watch)
    std::ignore = as.subscribe([&con]() noexcept { con.shutdown(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'seastar::abort_source::subscription' returned by 'subscribe'
  con.serve();
}
