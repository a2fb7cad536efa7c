// Seastar: the received abort source passed on as the callee takes it (&as,
// std::ref(as), as) links the chain; a second defaulted source next to it
// is a choice, not a cut.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

seastar::future<> by_pointer(int n, seastar::abort_source *as = nullptr);
seastar::future<> by_optional(int n, maybe_abort as = std::nullopt);
seastar::future<> by_reference(int n, seastar::abort_source &as);
seastar::future<> two(seastar::abort_source *first,
                      seastar::abort_source *second = nullptr);

seastar::future<> all(seastar::abort_source &as) {
  co_await by_pointer(1, &as);
  co_await by_optional(2, std::ref(as));
  co_await by_optional(3, as);
  co_await by_reference(4, as);
  co_await two(&as);
  co_await two(&as, nullptr);
}

seastar::future<> all_ptr(seastar::abort_source *as) {
  co_await by_pointer(1, as);
  co_await two(as, nullptr);
}

seastar::future<> all_optional(maybe_abort as) {
  co_await by_optional(1, as);
  co_await by_optional(2, std::move(as));
}
