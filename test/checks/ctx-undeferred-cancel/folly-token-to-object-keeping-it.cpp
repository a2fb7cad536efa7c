// A token given to an object that keeps the token itself, or to a watcher
// that does not stay in this function: the token may be waited on by work
// that outlives the function, so the cancel is owed on every path.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <folly/CancellationToken.h>

struct Holder {
  folly::CancellationToken kept;
  folly::CancellationCallback cb;
  explicit Holder(const folly::CancellationToken &token)
      : kept{token}, cb{token, [] {}} {}
};

struct RegistersInBody {
  folly::CancellationToken kept;
  explicit RegistersInBody(const folly::CancellationToken &token) {
    kept = token;
  }
};

struct CallbackOnly {
  folly::CancellationCallback cb;
  explicit CallbackOnly(const folly::CancellationToken &token)
      : cb{token, [] {}} {}
};

bool maybe();

void token_kept_beside_the_callback() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  Holder h(src.getToken());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the token of 'src' goes to work that may outlive the function here
  if (maybe())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.requestCancellation();
}

void token_stored_in_constructor_body() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  RegistersInBody r(src.getToken());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: note: the token of 'src' goes to work that may outlive the function here
  if (maybe())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.requestCancellation();
}

CallbackOnly *leaked;

void watcher_made_with_new() {
  folly::CancellationSource src;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.requestCancellation(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  leaked = new CallbackOnly(src.getToken());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: the token of 'src' goes to work that may outlive the function here
  if (maybe())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.requestCancellation();
}
