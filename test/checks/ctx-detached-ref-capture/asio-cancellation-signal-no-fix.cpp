// A boost::asio::cancellation_signal cannot be copied, and a slot copied out
// of a local signal points into it: reported without a fix, with a note on
// giving the task ownership.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>

void wait_for_payment(boost::asio::cancellation_slot);

void start_payment(boost::asio::io_context &io) {
  boost::asio::cancellation_signal sig;
  boost::asio::post(io, [&sig] { sig.emit(boost::asio::cancellation_type::terminal); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel source 'sig' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here and nothing waits for it
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: give the task ownership: a 'std::shared_ptr<boost::asio::cancellation_signal>' captured by value

  boost::asio::defer(io, [slot = sig.slot()] { wait_for_payment(slot); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: token 'slot' points into cancel source 'sig', which may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::defer' here and nothing waits for it
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: give the task ownership: a 'std::shared_ptr<boost::asio::cancellation_signal>' captured by value, or an owning token type

  boost::asio::cancellation_slot slot = sig.slot();
  boost::asio::post(io, [slot] { wait_for_payment(slot); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: token 'slot' points into cancel source 'sig'
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: give the task ownership
}
