// The cancel is inside the callable handed to the same call that takes the
// token: Arrow's AsyncTaskScheduler::Make(initial_task, abort_callback,
// stop_token) with an initial task that requests stop. The callable goes
// through a function wrapper (Arrow's FnOnce, std::function) on the way;
// the wrapper runs it, so the call that holds the token holds its cancel.
// Arrow's StopSource/StopToken are user types named by the options.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -config="{CheckOptions: {CancelSourceTypes: 'arrow::StopSource', TokenTypes: 'arrow::StopToken', CancelMethods: 'arrow::StopSource::RequestStop', TokenMethods: 'arrow::StopSource::token'}}"

#include <functional>
#include <memory>
#include <utility>

namespace arrow {
class Status {
public:
  static Status OK();
};
class StopToken {
public:
  StopToken() = default;
  static StopToken Unstoppable() { return StopToken(); }
  bool IsStopRequested() const;
};
class StopSource {
public:
  StopSource();
  void RequestStop();
  StopToken token();
};
template <typename Signature> class FnOnce;
template <typename R, typename... A> class FnOnce<R(A...)> {
public:
  FnOnce() = default;
  template <typename Fn> FnOnce(Fn fn) : fn_(std::move(fn)) {}
  R operator()(A... a) && { return fn_(std::forward<A>(a)...); }

private:
  std::function<R(A...)> fn_;
};
template <typename T = void> class Future {
public:
  static Future Make();
  void Wait() const;
};
class AsyncTaskScheduler {
public:
  static Future<> Make(
      FnOnce<Status(AsyncTaskScheduler *)> initial_task,
      FnOnce<void(const Status &)> abort_callback = [](const Status &) {},
      StopToken stop_token = StopToken::Unstoppable());
};
} // namespace arrow

using arrow::AsyncTaskScheduler;
using arrow::Status;
using arrow::StopSource;

void post(std::function<void()> task);
bool fail();

void cancel_in_initial_task() {
  StopSource stop_source;
  arrow::Future<> finished = AsyncTaskScheduler::Make(
      [&](AsyncTaskScheduler *) {
        stop_source.RequestStop();
        return Status::OK();
      },
      /*abort_callback=*/[](const Status &) {}, stop_source.token());
  finished.Wait();
}

// The same with std::function and a wrapper kept in a local first.
void cancel_in_wrapper_local() {
  StopSource src;
  std::function<Status(AsyncTaskScheduler *)> init =
      [&](AsyncTaskScheduler *) {
        src.RequestStop();
        return Status::OK();
      };
  AsyncTaskScheduler::Make(init, [](const Status &) {}, src.token());
}

// A wrapper that cancels, kept in a local that nothing runs or hands on:
// the token goes to posted work and no path cancels.
void cancel_wrapper_never_used() {
  StopSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.RequestStop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::function<void()> cancel = [&] { src.RequestStop(); };
  post([tok = src.token()] { (void)tok.IsStopRequested(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// The callable that cancels goes to a later call, past an early return.
void cancel_handed_on_after_early_return() {
  StopSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  post([tok = src.token()] { (void)tok.IsStopRequested(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  post([&] { src.RequestStop(); });
}
