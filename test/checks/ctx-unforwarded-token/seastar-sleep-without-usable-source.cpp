// Seastar: no received abort_source the variant can take as it is named: none
// at all, one through a pointer or an optional reference (either may hold
// nothing), or a stop token of another family.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <chrono>
#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <stop_token>

seastar::future<> tick() {
  co_await seastar::sleep(std::chrono::seconds(1));
}

seastar::future<> tick_ptr(seastar::abort_source *as) {
  co_await seastar::sleep(std::chrono::seconds(1));
}

seastar::future<>
tick_optional(std::optional<std::reference_wrapper<seastar::abort_source>> as) {
  co_await seastar::sleep(std::chrono::seconds(1));
}

seastar::future<> tick_stop(std::stop_token st) {
  co_await seastar::sleep(std::chrono::seconds(1));
}
