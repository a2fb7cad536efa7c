// Seastar: a function that received an abort_source sleeps with
// seastar::sleep; seastar::sleep_abortable takes the source (TokenVariants'
// default pair). The fix calls it with the received source appended.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> backoff(seastar::abort_source &as) {
  co_await seastar::sleep(std::chrono::seconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it: 'sleep_abortable(typename Clock::duration, abort_source &)'
  // CHECK-FIXES: co_await seastar::sleep_abortable(std::chrono::seconds(1), as);
}

seastar::future<> retry_later(seastar::abort_source &as, int attempt) {
  std::chrono::milliseconds delay = 100ms * attempt;
  co_await seastar::sleep(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it
  // CHECK-FIXES: co_await seastar::sleep_abortable(delay, as);
  co_await seastar::sleep(250ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it
  // CHECK-FIXES: co_await seastar::sleep_abortable(250ms, as);
}
