// Seastar: a subscription returned to the caller (guaranteed copy elision
// keeps it) or handed to a call stays registered; the caller of a helper
// that returns one keeps it too.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <utility>
#include <vector>

using subscription_opt =
    seastar::optimized_optional<seastar::abort_source::subscription>;

struct connection {
  void shutdown() noexcept;
  void serve();
};

subscription_opt shutdown_on_abort(seastar::abort_source &as,
                                   connection &con) {
  return as.subscribe([&con]() noexcept { con.shutdown(); });
}

void keep(subscription_opt sub);

void serve(seastar::abort_source &as, connection &con,
           std::vector<subscription_opt> &subs) {
  auto sub = shutdown_on_abort(as, con);
  keep(as.subscribe([&con]() noexcept { con.shutdown(); }));
  subs.push_back(as.subscribe([&con]() noexcept { con.shutdown(); }));
  con.serve();
}
