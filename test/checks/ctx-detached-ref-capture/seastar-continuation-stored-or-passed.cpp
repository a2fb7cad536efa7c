// Seastar: a continuation's future that is stored (in a local that is
// awaited, in a member, in a container) or passed to a call is not thrown
// away: whoever holds it decides when the work ends.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <utility>
#include <vector>

seastar::future<> flush();
seastar::future<> with_timeout(seastar::future<> f);

class flusher {
  seastar::future<> _done = flush();

public:
  void start(seastar::abort_source &as) {
    _done = flush().then([&as] { as.check(); });
  }
};

seastar::future<> stored_then_awaited() {
  seastar::abort_source as;
  auto f = flush().then([&as] { as.check(); });
  co_await std::move(f);
}

seastar::future<> collected(seastar::abort_source &as,
                            std::vector<seastar::future<>> &pending) {
  pending.push_back(flush().then([&as] { as.check(); }));
  co_await with_timeout(flush().then([&as] { as.check(); }));
}
