// Seastar: a loop that asks an abort_source held through a pointer or an
// optional reference, or passes it on, observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <chrono>
#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

bool step();
seastar::future<> flush_one(maybe_abort as);
seastar::future<> push_one(seastar::abort_source *as);

void scan(seastar::abort_source *as) {
  while (step() && !(as && as->abort_requested())) {
  }
}

void scan_checked(seastar::abort_source *as) {
  while (step()) {
    as->check();
  }
}

seastar::future<> flusher(maybe_abort as) {
  for (;;) {
    if (as && as->get().abort_requested())
      co_return;
    co_await seastar::sleep(std::chrono::seconds(1));
  }
}

seastar::future<> forwarder(maybe_abort as) {
  for (;;)
    co_await flush_one(as);
}

seastar::future<> pusher(seastar::abort_source *as) {
  for (;;)
    co_await push_one(as);
}
