// Seastar: sleep_abortable takes Clock::duration (nanoseconds), not any
// duration: a floating duration needs a duration_cast, and a sleep on
// another clock names its template argument. The call is reported with the
// variant in a note, without a fix.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/lowres_clock.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> pause(seastar::abort_source &as) {
  co_await seastar::sleep(1.5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it: 'sleep_abortable(typename Clock::duration, abort_source &)'; no fix: the call's arguments followed by the source do not bind to it as written
  co_await seastar::sleep<seastar::lowres_clock>(1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'sleep' does not pass cancel source 'as'; 'sleep_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: sleep.hh:{{[0-9]+}}:{{[0-9]+}}: note: variant that takes it
}
