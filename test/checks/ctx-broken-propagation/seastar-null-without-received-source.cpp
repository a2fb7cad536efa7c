// Seastar: nullptr or std::nullopt given by code that received no abort
// source: there is no chain to cut (a top-level caller, a test, main).
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

seastar::future<> by_pointer(int n, seastar::abort_source *as = nullptr);
seastar::future<> by_optional(int n, maybe_abort as = std::nullopt);

seastar::future<> startup() {
  co_await by_pointer(1);
  co_await by_pointer(2, nullptr);
  co_await by_optional(3);
  co_await by_optional(4, std::nullopt);
}

seastar::future<> with_local_source() {
  // A local source handed on: the function starts the chain.
  seastar::abort_source as;
  co_await by_pointer(1, &as);
  co_await by_optional(2, std::ref(as));
}

int main() {
  (void)by_pointer(0);
  return 0;
}
