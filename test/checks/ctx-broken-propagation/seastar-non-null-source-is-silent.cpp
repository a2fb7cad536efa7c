// Seastar: what is passed for an abort-source pointer is not null: a
// process-wide source, a member, a local pointer set later, or a pointer
// parameter of another type that happens to be given nullptr.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

seastar::abort_source &shutdown_source();
extern seastar::abort_source global_as;

seastar::future<> by_pointer(int n, seastar::abort_source *as = &global_as);
seastar::future<> logs(int n, const char *tag, seastar::abort_source *as);
void record(int n, const int *extra = nullptr);

struct service {
  seastar::abort_source _as;
  seastar::future<> run(seastar::abort_source &as);
};

seastar::future<> service::run(seastar::abort_source &as) {
  // The default is a process-wide source, not a null one.
  co_await by_pointer(1);
  co_await by_pointer(2, &shutdown_source());
  co_await by_pointer(3, &_as);
  seastar::abort_source *chosen = nullptr;
  chosen = &as;
  co_await by_pointer(4, chosen);
  // nullptr for a parameter that is not an abort source.
  record(5, nullptr);
  co_await logs(6, nullptr, &as);
}
