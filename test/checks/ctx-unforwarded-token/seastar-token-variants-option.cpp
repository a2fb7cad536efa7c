// TokenVariants names a team's own pair: a call of the plain function in a
// callable that received an abort_source is reported, with the fix when the
// variant takes the call's arguments plus the source.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -config="{CheckOptions: {ctx-unforwarded-token.TokenVariants: 'app::fetch=app::fetch_abortable;app::wait=app::wait_until_aborted'}}"

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>
#include <chrono>
#include <string>

namespace app {
seastar::future<> fetch(const std::string &key);
seastar::future<> fetch_abortable(const std::string &key,
                                  seastar::abort_source &as);
seastar::future<> wait(int events);
seastar::future<> wait_until_aborted(seastar::abort_source &as, int events);
} // namespace app

seastar::future<> load(const std::string &key, seastar::abort_source &as) {
  return app::fetch(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'fetch' does not pass cancel source 'as'; 'fetch_abortable' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: :[[@LINE-9]]:19: note: variant that takes it: 'fetch_abortable(const std::string &, seastar::abort_source &)'
  // CHECK-FIXES: return app::fetch_abortable(key, as);
}

seastar::future<> settle(seastar::abort_source &as) {
  // The source comes first in the variant: no fix, the note names it.
  return app::wait(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'wait' does not pass cancel source 'as'; 'wait_until_aborted' takes it [ctx-unforwarded-token]
  // CHECK-MESSAGES: :[[@LINE-14]]:19: note: variant that takes it: 'wait_until_aborted(seastar::abort_source &, int)'; no fix: the call's arguments followed by the source do not bind to it as written
}

seastar::future<> nap(seastar::abort_source &as) {
  // The option replaces the default: seastar::sleep is no longer listed.
  return seastar::sleep(std::chrono::seconds(1));
}
