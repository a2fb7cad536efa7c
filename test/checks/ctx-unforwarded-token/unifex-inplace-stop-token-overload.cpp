// libunifex's inplace_stop_token received by a lambda parameter.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <unifex/inplace_stop_token.hpp>

namespace rpc {
int call(int method);
int call(int method, unifex::inplace_stop_token stop);
} // namespace rpc

auto make_handler() {
  return [](unifex::inplace_stop_token stop) {
    if (stop.stop_requested())
      return -1;
    return rpc::call(42);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: call to 'call' does not pass stop token 'stop'; an overload that takes it exists [ctx-unforwarded-token]
    // CHECK-MESSAGES: :8:5: note: overload that takes it: 'call(int, unifex::inplace_stop_token)'
    // CHECK-FIXES: return rpc::call(42, stop);
  };
}
