// Seastar: the abort_source is its own token; passing it by reference to
// work that may outlive the function takes the token.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <seastar/core/abort_source.hh>

void start_scan(seastar::abort_source &as);
bool fail();

void scan() {
  seastar::abort_source as;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cancel handle 'as' is not cancelled on every path
  // CHECK-FIXES: auto cancelAsFn = [&] { as.request_abort(); }; struct CancelAs { decltype(cancelAsFn) &Run; ~CancelAs() { Run(); } } cancelAs{cancelAsFn};
  start_scan(as);
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'as'
  as.request_abort();
}
