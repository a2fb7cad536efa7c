// BackgroundCalls names the project's functions that take a future and let
// it run unobserved: a continuation's future handed to one is discarded.
// Other calls that take the future are trusted to wait for it.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20 -config="{CheckOptions: {ctx-detached-ref-capture.BackgroundCalls: 'utils::run_in_background'}}"

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

namespace utils {
void run_in_background(seastar::future<> f);
seastar::future<> with_timeout(seastar::future<> f);
} // namespace utils

seastar::future<> flush();

void in_background() {
  seastar::abort_source as;
  utils::run_in_background(flush().then([&as] { as.check(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the continuation's future is handed to 'utils::run_in_background' here and nothing waits for it
}

seastar::future<> waited_by_the_caller(seastar::abort_source &as) {
  return utils::with_timeout(flush().then([&as] { as.check(); }));
}
