// Boost.Asio (Beast's websocket tests): one of two signals is handed to a
// call through a conditional expression; each counts as handed off there.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20
#include <boost/asio.hpp>

namespace net = boost::asio;
void async_serve(net::cancellation_slot slot);
void async_client(net::cancellation_slot slot);
int run_until_cancelled(net::cancellation_signal &sig);

int both_sides(bool cancel_server) {
  net::cancellation_signal sig1, sig2;
  async_serve(sig1.slot());
  async_client(sig2.slot());
  return run_until_cancelled(cancel_server ? sig1 : sig2);
}
