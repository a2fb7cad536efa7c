// Seastar: a continuation that captures the abort_source by reference and
// sleeps without it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

seastar::future<> connect();

seastar::future<> reconnect(seastar::abort_source &as) {
  return connect().then([&as] {
    return seastar::sleep(std::chrono::milliseconds(10));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
    // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it
    // CHECK-FIXES: return seastar::sleep_abortable(std::chrono::milliseconds(10), as);
  });
}

struct poller {
  seastar::abort_source _as;
  seastar::future<> tick() {
    // A member source is not received: the function holds its own.
    return seastar::sleep(std::chrono::milliseconds(10));
  }
};
