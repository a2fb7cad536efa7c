// A token handed to a local thread still needs the cancel when some path
// leaves without joining the thread, when the thread is detached or moved
// away, or when the thread passes the token on to other work.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

bool verify(bool);
bool failed();
void keep(std::stop_token tok);

// An early return between the start and the join.
void early_return() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  if (failed())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  t.join();
}

// Joined on one branch only.
void joined_on_one_branch(bool wait) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::stop_token tok = src.get_token();
  std::thread t([tok] { verify(tok.stop_requested()); });
  if (wait)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Detached on another path: the thread may outlive the function, so a join
// elsewhere is not trusted.
void detached_elsewhere(bool wait) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  if (!wait) {
    t.detach();
    return;
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: this return is reached without cancelling 'src'
  t.join();
}

// Moved into a container: not a local thread any more.
void moved_into_container(std::vector<std::thread> &pool) {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  pool.push_back(std::move(t));
  pool.back().join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// The thread hands the token on: joining it does not end that work.
void passes_token_on() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread t([tok = src.get_token()] { keep(tok); });
  t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// The token goes to a named function, a callee trusted to keep it.
void token_to_thread_function() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::thread t(keep, src.get_token());
  t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Joining one thread does not end the work of another.
void other_thread_joined() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::stop_token tok = src.get_token();
  std::thread a([tok] { verify(tok.stop_requested()); });
  std::thread b([tok] { verify(tok.stop_requested()); });
  a.join();
  if (failed())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  b.join();
}
