// Boost.Asio: a canceller posted only under a condition does not cover the
// path where it was not posted.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20 -fix-notes
#include <boost/asio.hpp>

namespace net = boost::asio;
void async_read_some(net::cancellation_slot slot);
bool failed();

void posted_in_branch(net::io_context &ioc, bool watchdog) {
  net::cancellation_signal cl;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: cancel handle 'cl' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelClFn = [&] { cl.emit(boost::asio::cancellation_type::terminal); }; struct CancelCl { decltype(cancelClFn) &Run; ~CancelCl() { Run(); } } cancelCl{cancelClFn};
  if (watchdog)
    net::post(ioc, [&] { cl.emit(net::cancellation_type::all); });
  async_read_some(cl.slot());
  if (failed())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'cl'
  ioc.run();
}
