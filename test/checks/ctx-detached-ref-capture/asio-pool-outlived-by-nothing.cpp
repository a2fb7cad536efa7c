// A local thread_pool declared before the object the task captures is
// destroyed after it: its joining destructor comes too late.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>

void poll_orders(boost::asio::cancellation_slot);

void pool_outlives_signal() {
  boost::asio::thread_pool pool(2);
  boost::asio::cancellation_signal sig;
  boost::asio::post(pool, [&sig] { poll_orders(sig.slot()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here and nothing waits for it
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: give the task ownership
}

void run_on_one_path_only(bool run) {
  boost::asio::cancellation_signal sig;
  boost::asio::io_context io;
  boost::asio::post(io, [&sig] { poll_orders(sig.slot()); });
  if (run)
    io.run();
}
