// Seastar: a sleep that must run to the end is listed in IgnoredCallees, and
// an empty TokenVariants turns the variant rule off.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -config="{CheckOptions: {IgnoredCallees: 'seastar::sleep'}}"
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -config="{CheckOptions: {ctx-unforwarded-token.TokenVariants: ''}}"

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

seastar::future<> settle(seastar::abort_source &as) {
  co_await seastar::sleep(std::chrono::seconds(1));
}
