// Seastar: a loop that subscribes to the abort_source hears the abort through
// the callback (here it breaks the wait the loop is in).
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/semaphore.hh>

seastar::future<> handle_one();

seastar::future<> server(seastar::abort_source &as, seastar::semaphore &ready) {
  for (;;) {
    auto sub = as.subscribe([&ready]() noexcept { ready.broken(); });
    co_await ready.wait();
    co_await handle_one();
  }
}
