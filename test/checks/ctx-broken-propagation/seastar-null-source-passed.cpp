// Seastar: a function that received an abort_source passes nullptr where the
// callee takes one by pointer: the callee can never be aborted.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

seastar::future<> connect(int port, seastar::abort_source *as);

seastar::future<> dial(int port, seastar::abort_source &as) {
  return connect(port, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: null cancel source passed to 'connect' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:57: note: cancel source 'as' is received here; if 'connect' is meant to run detached, list it in IgnoredCallees or add NOLINT(ctx-broken-propagation) with the reason
  // CHECK-FIXES: return connect(port, &as);
}

seastar::future<> redial(int port, seastar::abort_source *as) {
  return connect(port, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: null cancel source passed to 'connect' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:59: note: cancel source 'as' is received here
  // CHECK-FIXES: return connect(port, as);
}

seastar::future<> dial_through_local(int port, seastar::abort_source &as) {
  seastar::abort_source *none = nullptr;
  return connect(port, none);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: null cancel source passed to 'connect' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-4]]:71: note: cancel source 'as' is received here
  // CHECK-FIXES: return connect(port, &as);
}
