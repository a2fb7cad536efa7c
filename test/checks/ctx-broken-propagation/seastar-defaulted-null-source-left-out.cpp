// Seastar: a callee whose abort_source pointer defaults to nullptr (as
// seastar::http::client::make_request does), called without it by a
// function that received one.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>

struct request {};

seastar::future<> make_request(const request &req,
                               seastar::abort_source *as = nullptr);
seastar::future<> send_all(seastar::abort_source *as = nullptr,
                           int retries = 3);
// The shape of http::client::make_request: the source after another
// defaulted parameter.
seastar::future<> send(const request &req, int expected = 200,
                       seastar::abort_source *as = nullptr);

seastar::future<> fetch(const request &req, seastar::abort_source &as) {
  return make_request(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'make_request' leaves out cancel source 'as', whose default is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:68: note: cancel source 'as' is received here; if 'make_request' is meant to run detached, list it in IgnoredCallees or add NOLINT(ctx-broken-propagation) with the reason
  // CHECK-FIXES: return make_request(req, &as);
}

seastar::future<> fetch_ptr(const request &req, seastar::abort_source *as) {
  return make_request(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'make_request' leaves out cancel source 'as', whose default is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:72: note: cancel source 'as' is received here
  // CHECK-FIXES: return make_request(req, as);
}

seastar::future<> flush(seastar::abort_source &as) {
  // The source is the first defaulted parameter: the fix passes it alone.
  return send_all();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'send_all' leaves out cancel source 'as', whose default is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-4]]:48: note: cancel source 'as' is received here
  // CHECK-FIXES: return send_all(&as);
}

seastar::future<> post(const request &req, seastar::abort_source &as) {
  // The source is not the first defaulted parameter: passing it needs the
  // value of 'expected' too, so no fix.
  return send(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'send' leaves out cancel source 'as', whose default is never cancelled; cancelling 'as' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-5]]:67: note: cancel source 'as' is received here
  // CHECK-FIXES: return send(req);
}
