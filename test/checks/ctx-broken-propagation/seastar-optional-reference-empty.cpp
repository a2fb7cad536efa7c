// Seastar: an abort source passed as an optional reference; std::nullopt, or
// the defaulted std::nullopt, given by a function that received one.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

seastar::future<> drain(int shard, maybe_abort as = std::nullopt);
seastar::future<> compact(int shard, maybe_abort as);

seastar::future<> stop_shard(int shard, seastar::abort_source &as) {
  co_await drain(shard);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'drain' leaves out cancel source 'as', whose default is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:64: note: cancel source 'as' is received here; if 'drain' is meant to run detached, list it in IgnoredCallees or add NOLINT(ctx-broken-propagation) with the reason
  // CHECK-FIXES: co_await drain(shard, std::ref(as));
  co_await compact(shard, std::nullopt);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: empty cancel source passed to 'compact' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-7]]:64: note: cancel source 'as' is received here
  // CHECK-FIXES: co_await compact(shard, std::ref(as));
}

seastar::future<> forward(int shard, maybe_abort as) {
  co_await compact(shard, {});
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: empty cancel source passed to 'compact' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:50: note: cancel source 'as' is received here
  // CHECK-FIXES: co_await compact(shard, as);
}
