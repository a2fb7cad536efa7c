// Tasks posted to a local io_context or thread_pool that is run or joined
// before the function returns, or destroyed before the captured objects:
// they finish while the captured objects live. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>

void poll_orders(boost::asio::cancellation_slot);

void run_here() {
  boost::asio::cancellation_signal sig;
  boost::asio::io_context io;
  boost::asio::post(io, [&] { poll_orders(sig.slot()); });
  boost::asio::post(io.get_executor(), [&sig] { poll_orders(sig.slot()); });
  auto ex = io.get_executor();
  boost::asio::dispatch(ex, [&] { sig.emit(boost::asio::cancellation_type::terminal); });
  io.run();
}

void joined_pool(bool fast) {
  boost::asio::cancellation_signal sig;
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool, [&] { poll_orders(sig.slot()); });
  if (fast) {
    pool.join();
    return;
  }
  pool.join();
}

void pool_destroyed_first() {
  // The pool is declared after the signal, so its destructor joins first.
  boost::asio::cancellation_signal sig;
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool, [&sig] { poll_orders(sig.slot()); });
}
