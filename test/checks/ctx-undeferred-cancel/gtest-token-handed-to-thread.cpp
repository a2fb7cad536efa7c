// Inside a test, a token really handed to a detached thread is still
// reported when a failed assertion returns early without cancelling.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <gtest/gtest.h>
#include <stop_token>
#include <thread>

void poll(std::stop_token tok);
bool ready();

TEST(Tokens, WorkerStopsAtTheEnd) {
  std::stop_source source;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'source' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: std::stop_source source;
  // CHECK-FIXES-NEXT: auto cancelSourceFn = [&] { source.request_stop(); }; struct CancelSource { decltype(cancelSourceFn) &Run; ~CancelSource() { Run(); } } cancelSource{cancelSourceFn};
  std::thread(poll, source.get_token()).detach();
  ASSERT_TRUE(ready());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this return is reached without cancelling 'source'
  source.request_stop();
}
