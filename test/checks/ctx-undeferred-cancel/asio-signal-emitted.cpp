// Boost.Asio: the signal is emitted on every path.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <boost/asio/cancellation_signal.hpp>

void async_fetch_quote(boost::asio::cancellation_slot slot);
bool rate_limited();

void fetch() {
  boost::asio::cancellation_signal sig;
  async_fetch_quote(sig.slot());
  if (rate_limited()) {
    sig.emit(boost::asio::cancellation_type::total);
    return;
  }
  sig.emit(boost::asio::cancellation_type::terminal);
}
