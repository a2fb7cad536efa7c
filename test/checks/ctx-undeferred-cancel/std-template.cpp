// Templates are analysed once, in their definition; a handle of dependent
// type is skipped.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

template <class Job> void run(Job job, std::stop_token tok);
bool fail();

template <class Job> void start(Job job) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread([=] { run(job, src.get_token()); }).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}

template <class Source> void generic() {
  Source src;
  std::thread([&] { run(0, src.get_token()); }).detach();
  if (fail())
    return;
}

void use() {
  start(1);
  start(2.0);
  generic<std::stop_source>();
}
