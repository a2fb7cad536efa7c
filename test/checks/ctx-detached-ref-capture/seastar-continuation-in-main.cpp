// Seastar: main runs the reactor (`engine().run()`, `app.run(...)`), so its
// own locals outlive every continuation; capturing them by reference in a
// discarded continuation is correct, as is reaching a static from the
// lambda the reactor runs.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

seastar::future<> when_started();
void run_reactor();
void run_app(int (*)());

int main() {
  seastar::abort_source as;
  (void)when_started().then([&as] { as.check(); });
  run_reactor();
  run_app([] {
    static seastar::abort_source kept;
    (void)when_started().then([] { kept.check(); });
    return 0;
  });
}
