// Seastar: a plain sleep inside a loop that asks the abort_source on every
// turn is a timed poll: the loop sees the abort within one period.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

void expire_entries();

seastar::future<> reaper(seastar::abort_source &as) {
  while (!as.abort_requested()) {
    co_await seastar::sleep(std::chrono::seconds(1));
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
