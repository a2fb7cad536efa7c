// Seastar: work run under a gate (with_gate) or with its state in do_with
// keeps what it captures alive; the continuations inside return their
// futures to with_gate and do_with.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/do_with.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>

seastar::future<> flush();

class service {
  seastar::gate _gate;
  seastar::abort_source _as;

public:
  void start_under_gate() {
    (void)seastar::with_gate(_gate, [this] {
      return flush().then([this] { _as.check(); });
    });
  }

  void start_with_own_source() {
    (void)seastar::do_with(seastar::abort_source{}, 0,
                           [](seastar::abort_source &as, int &) {
                             return flush().then([&as] { as.check(); });
                           });
  }
};
