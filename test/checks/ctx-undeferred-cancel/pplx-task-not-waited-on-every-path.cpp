// PPL: a task built with the token that some path leaves without waiting
// for, or whose waits may wait for other work, still needs the source
// cancelled.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <pplx/pplxtasks.h>

bool fail();
pplx::task<int> other();

int returns_before_the_wait() {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  pplx::task<int> t([] { return 42; }, cts.get_token());
  if (fail())
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'cts'
  return t.get();
}

// The task is replaced before the wait: the wait is for other work.
void reassigned_before_the_wait() {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  pplx::task<int> t([] { return 42; }, cts.get_token());
  t = other();
  t.wait();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'cts'

// `||` completes when either task has: the other may still run.
void waited_through_when_any() {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  pplx::task<int> slow([] { return 1; }, cts.get_token());
  pplx::task<int> fast([] { return 2; });
  auto first = slow || fast;
  first.wait();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'cts'

// Only maybe the task that was built with the token is waited on.
void waits_on_one_of_two(bool cached) {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  pplx::task<int> t([] { return 42; }, cts.get_token());
  pplx::task<int> c = other();
  (cached ? c : t).wait();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'cts'

// A callee that takes the task by non-const reference may replace it.
void replace(pplx::task<int> &t);
void passed_by_reference_before_the_wait() {
  pplx::cancellation_token_source cts;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel handle 'cts' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtsFn = [&] { cts.cancel(); }; struct CancelCts { decltype(cancelCtsFn) &Run; ~CancelCts() { Run(); } } cancelCts{cancelCtsFn};
  pplx::task<int> t([] { return 42; }, cts.get_token());
  replace(t);
  t.wait();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'cts'
