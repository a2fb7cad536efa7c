// A user token type named by the TokenTypes option: default-constructed, it
// has no parent.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -config="{CheckOptions: {TokenTypes: 'rpc::Deadline'}}"

namespace rpc {
class Deadline {
public:
  Deadline() = default;
  bool expired() const;
};
void call(int method, Deadline d = Deadline());
void send(int method, const Deadline &d);
} // namespace rpc

void handle(rpc::Deadline d) {
  rpc::call(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'call' leaves out token 'd', whose default is never cancelled; cancelling 'd' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: token 'd' is received here
  // CHECK-FIXES: rpc::call(1, d);
  rpc::send(2, rpc::Deadline());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: empty token passed to 'send' is never cancelled; cancelling 'd' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-7]]:27: note: token 'd' is received here
  // CHECK-FIXES: rpc::send(2, d);
}
