// A handler that captures 'this' and uses a member signal: reported unless
// the handler keeps the object alive.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <boost/asio.hpp>
#include <memory>

class Checkout : public std::enable_shared_from_this<Checkout> {
public:
  explicit Checkout(boost::asio::io_context &io) : Strand(io.get_executor()) {}

  void cancel_unsafe() {
    boost::asio::post(Strand, [this] { Cancel.emit(boost::asio::cancellation_type::terminal); });
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: cancel source 'Cancel' captured through 'this' may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: the task is handed to 'boost::asio::post' here and nothing waits for it
    // CHECK-MESSAGES: :[[@LINE-3]]:40: note: give the task ownership: a 'std::shared_ptr<boost::asio::cancellation_signal>' captured by value
  }

  void cancel_safe() {
    boost::asio::post(Strand, [self = shared_from_this()] {
      self->Cancel.emit(boost::asio::cancellation_type::terminal);
    });
    boost::asio::post(Strand, [this, self = shared_from_this()] {
      Cancel.emit(boost::asio::cancellation_type::terminal);
    });
  }

private:
  boost::asio::strand<boost::asio::io_context::executor_type> Strand;
  boost::asio::cancellation_signal Cancel;
};
