// Seastar: sleeping with the abort_source (sleep_abortable throws
// sleep_aborted on abort) or calling check() observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

void expire_entries();

seastar::future<> reaper(seastar::abort_source &as) {
  for (;;) {
    co_await seastar::sleep_abortable(std::chrono::seconds(1), as);
    expire_entries();
  }
}

seastar::future<> checker(seastar::abort_source &as) {
  for (;;) {
    as.check();
    co_await seastar::sleep(std::chrono::seconds(1));
    expire_entries();
  }
}
