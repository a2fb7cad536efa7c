// Seastar: the abort_source is its own token; a lambda holding a reference
// to it, handed to work that may outlive the function, takes the token.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <functional>

void run_in_background(std::function<void()> work);
void watch(seastar::abort_source &as);
bool fail();

void scan() {
  seastar::abort_source as;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cancel handle 'as' is not cancelled on every path
  // CHECK-FIXES: auto cancelAsFn = [&] { as.request_abort(); }; struct CancelAs { decltype(cancelAsFn) &Run; ~CancelAs() { Run(); } } cancelAs{cancelAsFn};
  run_in_background([&as] { watch(as); });
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'as'
  as.request_abort();
}

// Passed by reference to a call: the callee cannot keep a reference to the
// local past this function, so the token is not taken.
void by_reference() {
  seastar::abort_source as;
  watch(as);
  if (fail())
    return;
  as.request_abort();
}
