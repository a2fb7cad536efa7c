// Seastar: std::ignore, an expression statement (despite [[nodiscard]]) and
// the left side of a comma discard the future as a cast to void does.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <tuple>

seastar::future<> flush();

void ignored() {
  seastar::abort_source as;
  std::ignore = flush().then([&as] { as.check(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the continuation's future is discarded here and nothing waits for it
}

void statement() {
  seastar::abort_source as;
  flush().then([&as] { as.check(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the continuation's future is discarded here
}

void discard_result_keeps_the_chain() {
  seastar::abort_source as;
  (void)flush().finally([&as] { as.request_abort(); }).discard_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
}
