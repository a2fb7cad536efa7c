// A token type the model knows no question for (Boost.Asio's
// cancellation_slot, an annotated type without CTX_OBSERVE) is reported
// without a fix.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <boost/asio/cancellation_signal.hpp>

namespace rpc {
class [[clang::annotate("ctx::token")]] Done {};
} // namespace rpc

bool next_row();
void copy_row();

void with_slot(boost::asio::cancellation_slot slot) {
  while (next_row())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'slot'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:47: note: stop token 'slot' is received here
    copy_row();
}

void with_done(rpc::Done done) {
  while (next_row())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'done'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: stop token 'done' is received here
    copy_row();
}
