// A task posted to an executor that nobody in this frame runs or joins: the
// task may run after the frame is gone.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>
#include <memory>

void charge(int order_id);

void charge_later(boost::asio::any_io_executor ex, int order_id,
                  std::shared_ptr<boost::asio::cancellation_signal> cancel) {
  // by copy: the shared_ptr owns the signal. Fine.
  boost::asio::post(ex, [cancel, order_id] { (void)cancel; charge(order_id); });

  std::shared_ptr<boost::asio::cancellation_signal> local = cancel;
  boost::asio::post(ex, [&] { local->emit(boost::asio::cancellation_type::terminal); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: cancel source 'local' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here and nothing waits for it
  // CHECK-FIXES: boost::asio::post(ex, [&, local] { local->emit(boost::asio::cancellation_type::terminal); });

  boost::asio::dispatch(ex, [&local] { local->emit(boost::asio::cancellation_type::total); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: cancel source 'local' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::dispatch' here and nothing waits for it
  // CHECK-FIXES: boost::asio::dispatch(ex, [local] { local->emit(boost::asio::cancellation_type::total); });
}
