// Seastar: a discarded continuation that captures no cancellation object by
// reference is outside this check (other locals are other checks' business),
// and so is one that owns what it uses.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <memory>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

seastar::future<> flush();
void count(int);

void plain_locals() {
  int n = 0;
  (void)flush().then([&n] { count(n); });
}

void owned_source() {
  auto as = std::make_shared<seastar::abort_source>();
  (void)flush().then([as] { as->check(); });
}

void source_used_before_only(seastar::abort_source &as) {
  as.check();
  (void)flush().then([] { count(1); });
}
