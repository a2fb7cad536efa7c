// Seastar: a loop that waits on a semaphore with the abort_source (wait(as, n)
// takes it first, get_units(sem, n, as) last) passes it on: the wait fails
// with semaphore_aborted once it is aborted.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/semaphore.hh>

seastar::future<> handle_one();

seastar::future<> worker(seastar::abort_source &as, seastar::semaphore &sem) {
  for (;;) {
    co_await sem.wait(as, 1);
    co_await handle_one();
    sem.signal(1);
  }
}

seastar::future<> unit_worker(seastar::abort_source &as,
                              seastar::semaphore &sem) {
  for (;;) {
    auto units = co_await seastar::get_units(sem, 1, as);
    co_await handle_one();
  }
}

seastar::future<> pointer_worker(seastar::abort_source *as,
                                 seastar::semaphore &sem) {
  for (;;) {
    co_await sem.wait(*as, 1);
    co_await handle_one();
    sem.signal(1);
  }
}
