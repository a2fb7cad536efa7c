// Once the jthread is detached its destructor no longer requests stop.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void heartbeat(std::stop_token tok);
void notify(std::stop_token tok);
bool fail();

void detached_heartbeat() {
  std::jthread beat(heartbeat);
  auto src = beat.get_stop_source();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  beat.detach();
  notify(src.get_token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
