// Seastar: the abort source a function receives by reference is the
// caller's, lent for the call; a continuation that is thrown away and uses it
// may run after the caller has destroyed it. Every link of a chain is
// detached work: then, handle_exception, finally.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <chrono>
#include <exception>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

seastar::future<> refresh();
void log_failure(std::exception_ptr);

void schedule_refresh(seastar::abort_source &as) {
  (void)seastar::sleep(1s)
      .then([&as] {
        // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
        // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the continuation's future is discarded here and nothing waits for it
        as.check();
        return refresh();
      })
      .handle_exception([&as](std::exception_ptr ep) {
        // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
        if (!as.abort_requested())
          log_failure(ep);
      });
}

// Through a reference bound to it.
void schedule_refresh_alias(seastar::abort_source &source) {
  auto &as = source;
  (void)refresh().then([&as] { as.check(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
}
