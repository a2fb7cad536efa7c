// Boost.Asio (Beast's tests): a lambda that emits the signal is posted
// before the slot is bound. Whoever runs the posted lambda owes the cancel,
// also for the slot bound after it.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20
#include <boost/asio.hpp>

namespace net = boost::asio;
void async_read_some(net::cancellation_slot slot);
bool failed();

void posted_canceller(net::io_context &ioc) {
  net::cancellation_signal cl;
  net::post(ioc, [&] { cl.emit(net::cancellation_type::all); });
  async_read_some(cl.slot());
  if (failed())
    return;
  ioc.run();
}
