// An explicit throw leaves the function without cancelling.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stdexcept>
#include <stop_token>
#include <thread>

void replicate(std::stop_token tok);
bool quorum();

void write_order() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread(replicate, src.get_token()).detach();
  if (!quorum())
    throw std::runtime_error("no quorum");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throw leaves the function without cancelling 'src'
  src.request_stop();
}
