// Seastar: a continuation whose future is returned, awaited or waited for
// has ended before the abort source it captures does (a caller that lends an
// abort source by reference keeps it alive until the future resolves).
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

seastar::future<> flush();

seastar::future<> returned(seastar::abort_source &as) {
  return flush().then([&as] { as.check(); }).finally([&as] {
    (void)as.abort_requested();
  });
}

seastar::future<> awaited() {
  seastar::abort_source as;
  co_await flush().then([&as] { as.check(); });
}

void waited_in_a_thread() {
  seastar::abort_source as;
  flush().then([&as] { as.check(); }).get();
  (void)flush().then([&as] { as.check(); }).get_exception();
}

seastar::future<> returned_from_a_lambda(seastar::abort_source &as) {
  auto step = [&as] { return flush().then([&as] { as.check(); }); };
  co_await step();
}
