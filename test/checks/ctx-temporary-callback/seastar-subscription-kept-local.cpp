// Seastar: a subscription kept in a local stays registered until the end of
// its scope, also when it is taken only if an abort source was given (the
// shape of seastar::http::client) or tested in a condition.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <optional>
#include <seastar/core/abort_source.hh>

struct connection {
  void shutdown() noexcept;
  void serve();
};

void named(seastar::abort_source &as, connection &con) {
  auto sub = as.subscribe([&con]() noexcept { con.shutdown(); });
  con.serve();
}

void only_if_given(seastar::abort_source *as, connection &con) {
  auto sub = as ? as->subscribe([&con]() noexcept { con.shutdown(); })
                : std::nullopt;
  con.serve();
}

void tested(seastar::abort_source &as, connection &con) {
  if (auto sub = as.subscribe([&con]() noexcept { con.shutdown(); })) {
    con.serve();
  }
}

void bound_to_reference(seastar::abort_source &as, connection &con) {
  const auto &sub = as.subscribe([&con]() noexcept { con.shutdown(); });
  (void)sub;
  con.serve();
}
