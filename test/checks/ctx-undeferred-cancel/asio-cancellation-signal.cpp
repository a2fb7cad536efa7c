// Boost.Asio: a cancellation_signal whose slot went to an async operation.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <boost/asio/cancellation_signal.hpp>

void async_fetch_quote(boost::asio::cancellation_slot slot);
bool rate_limited();

void fetch() {
  boost::asio::cancellation_signal sig;
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: cancel handle 'sig' is not cancelled on every path
  // CHECK-FIXES: auto cancelSigFn = [&] { sig.emit(boost::asio::cancellation_type::terminal); }; struct CancelSig { decltype(cancelSigFn) &Run; ~CancelSig() { Run(); } } cancelSig{cancelSigFn};
  async_fetch_quote(sig.slot());
  if (rate_limited())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'sig'
  sig.emit(boost::asio::cancellation_type::terminal);
}
