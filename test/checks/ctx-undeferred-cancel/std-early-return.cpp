// A source whose token went to a detached worker, and an error branch that
// returns before the cancel: the worker is never told to stop.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void poll_inventory(std::stop_token tok);
bool reserve_stock();

void place_order() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(poll_inventory, src.get_token()).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
  if (!reserve_stock())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
