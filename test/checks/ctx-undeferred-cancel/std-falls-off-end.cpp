// The function simply ends without cancelling: the note points at the brace.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void stream_prices(std::stop_token tok);
bool market_open();

void watch_market() {
  std::stop_source feed;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'feed' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelFeedFn = [&] { feed.request_stop(); }; struct CancelFeed { decltype(cancelFeedFn) &Run; ~CancelFeed() { Run(); } } cancelFeed{cancelFeedFn};
  std::thread(stream_prices, feed.get_token()).detach();
  if (!market_open())
    feed.request_stop();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'feed'
