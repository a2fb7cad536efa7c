// In a template, a call whose arguments depend on a template parameter is
// not resolved; a member function listed in SynchronousCalls is still
// recognised among its candidates (the shape of libc++'s
// condition_variable_any tests, templated on the lock type).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>

void keep(std::stop_token tok);

template <class Mutex, class Lock> void wait_with_token() {
  std::stop_source ss;
  std::condition_variable_any cv;
  Mutex mutex;
  Lock lock{mutex};
  bool r = cv.wait(lock, ss.get_token(), [] { return true; });
  (void)r;
}

template <class Lock> void wait_for_with_token(Lock &lock) {
  std::stop_source ss;
  std::condition_variable_any cv;
  try {
    cv.wait(lock, ss.get_token(), []() -> bool { throw 5; });
  } catch (int) {
  }
}

// A dependent call to anything else still takes the token.
template <class T> void dependent_call_elsewhere(T value, bool fail) {
  std::stop_source ss;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'ss' is not cancelled on every path
  // CHECK-FIXES: auto cancelSsFn = [&] { ss.request_stop(); }; struct CancelSs { decltype(cancelSsFn) &Run; ~CancelSs() { Run(); } } cancelSs{cancelSsFn};
  value.start(ss.get_token());
  if (fail)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'ss'
  ss.request_stop();
}

// A dependent argument to a member function that is not listed.
struct Scheduler {
  template <class T> void submit(T value, std::stop_token tok);
};
template <class T> void unlisted_member_with_dependent_argument(T value, bool fail) {
  std::stop_source ss;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'ss' is not cancelled on every path
  // CHECK-FIXES: auto cancelSsFn = [&] { ss.request_stop(); }; struct CancelSs { decltype(cancelSsFn) &Run; ~CancelSs() { Run(); } } cancelSs{cancelSsFn};
  Scheduler sched;
  sched.submit(value, ss.get_token());
  if (fail)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'ss'
  ss.request_stop();
}

void instantiate(std::unique_lock<std::mutex> &lock) {
  wait_with_token<std::mutex, std::unique_lock<std::mutex>>();
  wait_for_with_token(lock);
}
