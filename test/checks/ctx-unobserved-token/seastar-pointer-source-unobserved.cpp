// Seastar: an abort_source received through a pointer (which may be null) or
// as an optional reference; the loop never asks it. The fix asks it only when
// it is there.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <functional>
#include <optional>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

bool step();
seastar::future<> flush_one();

void scan(seastar::abort_source *as) {
  while (step()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes cancel source 'as'; a cancellation cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:34: note: cancel source 'as' is received here
  // CHECK-FIXES: while (step() && !(as && as->abort_requested())) {
  }
}

seastar::future<>
flusher(std::optional<std::reference_wrapper<seastar::abort_source>> as) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes cancel source 'as'; a cancellation cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:70: note: cancel source 'as' is received here
  // CHECK-FIXES: for (; !(as && as->get().abort_requested());) {
    co_await flush_one();
  }
}
