// A team's own cancel source, annotated or named in CancelSourceTypes.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20 -config="{CheckOptions: {CancelSourceTypes: 'rpc::Deadline', CancelMethods: 'rpc::Deadline::expire', TokenMethods: 'rpc::Deadline::watch'}}"

namespace orders {
class [[clang::annotate("ctx::token")]] Done {
public:
  bool fired() const;
};
class [[clang::annotate("ctx::cancel_source")]] RequestScope {
public:
  [[clang::annotate("ctx::get_token")]] Done done() const;
  [[clang::annotate("ctx::cancel")]] void cancel();
};
} // namespace orders

namespace rpc {
struct Watch {};
class Deadline {
public:
  Watch watch();
  void expire();
};
} // namespace rpc

void fan_out(orders::Done d);
void call_backend(rpc::Watch w);
bool fail();

void annotated() {
  orders::RequestScope scope;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel handle 'scope' is not cancelled on every path
  // CHECK-FIXES: auto cancelScopeFn = [&] { scope.cancel(); }; struct CancelScope { decltype(cancelScopeFn) &Run; ~CancelScope() { Run(); } } cancelScope{cancelScopeFn};
  fan_out(scope.done());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'scope'
  scope.cancel();
}

void configured() {
  rpc::Deadline deadline;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cancel handle 'deadline' is not cancelled on every path
  // CHECK-FIXES: auto cancelDeadlineFn = [&] { deadline.expire(); }; struct CancelDeadline { decltype(cancelDeadlineFn) &Run; ~CancelDeadline() { Run(); } } cancelDeadline{cancelDeadlineFn};
  call_backend(deadline.watch());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'deadline'
  deadline.expire();
}
