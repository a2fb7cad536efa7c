// Threads kept in a local container that some path leaves without joining
// them all: their work may outlive the function, so the source must be
// cancelled.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

void work(std::stop_token);
bool fail();
void keep(std::vector<std::thread> threads);

void returns_before_the_join_loop() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to 'workers' here, which is not joined or waited for on every path
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  for (auto &w : workers)
    w.join();
}

// The loop may stop before the last thread.
void join_loop_that_breaks() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : workers) {
    if (fail())
      break;
    w.join();
  }
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// The threads leave the function: whoever holds them decides.
void container_handed_on() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  keep(std::move(workers));
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Detached in the loop body before the join.
void detached_in_the_join_loop(bool stopping) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : workers) {
    if (stopping)
      w.detach();
    if (w.joinable())
      w.join();
  }
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Only one of two containers is joined, chosen at run time.
void joins_one_of_two(bool primary) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers, spares;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : primary ? workers : spares)
    w.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// The lambda is an argument of the function the thread runs, which may keep it.
void lambda_passed_to_the_thread_function(void (*run_with)(std::function<void()>)) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back(run_with, [tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : workers)
    w.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Detached in the loop instead of joined.
void detached_in_the_loop() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : workers)
    w.detach();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// A named function given the token may keep it beyond the thread: joining
// the thread does not settle it.
void named_function_gets_the_token() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::vector<std::thread> workers;
  workers.emplace_back(work, src.get_token());
  for (auto &w : workers)
    w.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
