// Boost.Asio: the signal is emitted through a reference on the error path
// and handed to the caller's registry otherwise.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <boost/asio/cancellation_signal.hpp>
#include <vector>

void async_fetch_quote(boost::asio::cancellation_slot slot);
void keep_alive(boost::asio::cancellation_signal &sig);
bool rate_limited();

void fetch() {
  boost::asio::cancellation_signal sig;
  boost::asio::cancellation_signal &ref = sig;
  async_fetch_quote(sig.slot());
  if (rate_limited()) {
    ref.emit(boost::asio::cancellation_type::terminal);
    return;
  }
  keep_alive(sig);
}
