// An io_context held elsewhere (a member, a reference parameter) that this
// function runs only on some paths, or only after the captured object's
// block has ended, or never: the task may run after the captured object
// is gone.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>

void poll_orders(boost::asio::cancellation_slot);

class OrderTest {
public:
  void run_on_one_path_only(bool run) {
    boost::asio::cancellation_signal sig;
    boost::asio::post(ioc_, [&sig] { poll_orders(sig.slot()); });
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the task is handed to 'boost::asio::post' here and nothing waits for it
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: give the task ownership
    if (run)
      ioc_.run();
  }

  void run_after_block_ends() {
    {
      boost::asio::cancellation_signal sig;
      boost::asio::post(ioc_, [&sig] { poll_orders(sig.slot()); });
      // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE-2]]:20: note: the task is handed to 'boost::asio::post' here and nothing waits for it
      // CHECK-MESSAGES: :[[@LINE-3]]:33: note: give the task ownership
    }
    ioc_.run();
  }

  void other_context_run() {
    boost::asio::cancellation_signal sig;
    boost::asio::post(ioc_, [&sig] { poll_orders(sig.slot()); });
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the task is handed to 'boost::asio::post' here and nothing waits for it
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: give the task ownership
    other_.run();
  }

private:
  boost::asio::io_context ioc_;
  boost::asio::io_context other_;
};

void never_run(boost::asio::io_context &io) {
  boost::asio::cancellation_signal sig;
  boost::asio::post(io, [&sig] { poll_orders(sig.slot()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here and nothing waits for it
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: give the task ownership
}
