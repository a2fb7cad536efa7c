// libunifex: an inplace_stop_source whose token went to a detached operation
// leaks; one that only feeds sync_wait does not.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <unifex/inplace_stop_token.hpp>
#include <unifex/just.hpp>
#include <unifex/sync_wait.hpp>

void start_detached(unifex::inplace_stop_token tok);
template <class Sender>
Sender with_stop_token(Sender s, unifex::inplace_stop_token tok);
bool fail();

void detached() {
  unifex::inplace_stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  start_detached(src.get_token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}

int blocking() {
  unifex::inplace_stop_source src;
  auto r = unifex::sync_wait(with_stop_token(unifex::just(42), src.get_token()));
  if (fail() || !r)
    return 0;
  return *r;
}
