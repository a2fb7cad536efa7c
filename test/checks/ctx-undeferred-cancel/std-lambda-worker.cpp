// The token is taken inside a lambda that runs on another thread.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>
#include <vector>

void index_order(int id, std::stop_token tok);
bool fail();

void reindex(const std::vector<int> &ids) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread worker([&] {
    for (int id : ids)
      index_order(id, src.get_token());
  });
  worker.detach();
  for (int id : ids)
    if (id < 0)
      return;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this return is reached without cancelling 'src'
  src.request_stop();
}

// The worker only polls a token captured by copy.
void poll() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::stop_token tok = src.get_token();
  std::thread([tok] {
    while (!tok.stop_requested()) {
    }
  }).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
