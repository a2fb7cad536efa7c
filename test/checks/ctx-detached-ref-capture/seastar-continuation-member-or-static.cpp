// Seastar: a service's own abort source outlives the continuations it
// starts (the service closes its gate before it is destroyed); a discarded
// continuation that reaches it through 'this', a reference bound to the
// member, or a static is correct code.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> flush();

seastar::abort_source global_abort;

class compactor {
  seastar::abort_source _as;

public:
  void start() {
    (void)seastar::sleep(1s).then([this] { _as.check(); });
    (void)flush().finally([&as = _as] { as.request_abort(); });
    auto &as = _as;
    (void)flush().then([&as] { as.check(); });
    (void)flush().then([&] { _as.check(); });
  }
};

void start_global() {
  static seastar::abort_source local_static;
  (void)flush().then([&] { local_static.check(); });
  (void)flush().then([] { global_abort.check(); });
}
