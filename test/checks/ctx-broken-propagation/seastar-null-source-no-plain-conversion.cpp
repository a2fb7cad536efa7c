// Seastar: the received abort source cannot be passed as the parameter takes
// it without a choice the fix cannot make (a pointer that may be null given
// for an optional reference, or the other way): a warning without a fix.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;

seastar::future<> by_pointer(seastar::abort_source *as);
seastar::future<> by_optional(maybe_abort as);

seastar::future<> from_pointer(seastar::abort_source *as) {
  return by_optional(std::nullopt);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: empty cancel source passed to 'by_optional' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:55: note: cancel source 'as' is received here
}

seastar::future<> from_optional(maybe_abort as) {
  return by_pointer(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: null cancel source passed to 'by_pointer' is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:45: note: cancel source 'as' is received here
}
