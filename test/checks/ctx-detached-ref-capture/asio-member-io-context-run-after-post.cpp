// Tasks posted to an io_context this function does not own (a member, a
// reference parameter) and then run by this same function on every path,
// while the captured objects are still alive: run() returns only when no
// work is left, so the tasks have finished before the captured objects die.
// Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>

void poll_orders(boost::asio::cancellation_slot);

class OrderTest {
public:
  void cancel_then_run() {
    boost::asio::cancellation_signal sig;
    boost::asio::post(ioc_, [&] { sig.emit(boost::asio::cancellation_type::all); });
    ioc_.run();
  }

  void through_executor_and_this(bool twice) {
    boost::asio::cancellation_signal sig;
    boost::asio::post(ioc_.get_executor(), [&sig] { poll_orders(sig.slot()); });
    auto ex = this->ioc_.get_executor();
    boost::asio::dispatch(ex, [&] { poll_orders(sig.slot()); });
    if (twice) {
      this->ioc_.run();
      return;
    }
    ioc_.run();
  }

  void in_inner_block() {
    {
      boost::asio::cancellation_signal sig;
      boost::asio::post(ioc_, [&] { poll_orders(sig.slot()); });
      ioc_.run();
    }
  }

  void bound_pool() {
    boost::asio::cancellation_signal sig;
    boost::asio::post(pool_, [&sig] { poll_orders(sig.slot()); });
    pool_.join();
  }

private:
  boost::asio::io_context ioc_;
  boost::asio::thread_pool &pool_;
};

void run_by_reference(boost::asio::io_context &io) {
  boost::asio::cancellation_signal sig;
  boost::asio::post(io, [&sig] { poll_orders(sig.slot()); });
  io.run();
}
