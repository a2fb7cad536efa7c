// Seastar: retry loops that sleep with the abort_source, or check it between
// sleeps, are what the check asks for.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

bool try_once();

seastar::future<> retry(seastar::abort_source &as) {
  while (!try_once())
    co_await seastar::sleep_abortable(std::chrono::milliseconds(100), as);
}

seastar::future<> retry_ptr(seastar::abort_source *as) {
  while (!try_once())
    co_await seastar::sleep_abortable(std::chrono::milliseconds(100), *as);
}
