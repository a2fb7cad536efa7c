// Seastar: a loop that passes the abort_source on to any call observes it
// through the callee, in every form the callee takes it (&as, std::ref(as),
// as, a lambda that captures it).
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

seastar::future<> by_pointer(seastar::abort_source *as);
seastar::future<> by_optional(maybe_abort as);
seastar::future<> by_reference(seastar::abort_source &as);
seastar::future<> retry(std::function<seastar::future<>()> f);

seastar::future<> a(seastar::abort_source &as) {
  for (;;)
    co_await by_pointer(&as);
}

seastar::future<> b(seastar::abort_source &as) {
  for (;;)
    co_await by_optional(std::ref(as));
}

seastar::future<> c(seastar::abort_source &as) {
  for (;;)
    co_await by_reference(as);
}

seastar::future<> d(seastar::abort_source &as) {
  for (;;)
    co_await retry([&as] { return by_reference(as); });
}
