// Threads made from std::bind(worker, i) and kept in a local container that
// a loop over all of it joins: once the loop has run, the work the token
// went to has ended, and the success path need not cancel. The binder runs
// the lambda it is given, so it carries what the lambda carries (Arrow's
// cancel_test.cc, ThreadedPollSuccess).
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <atomic>
#include <functional>
#include <stop_token>
#include <thread>
#include <vector>

void poll_until_stopped(std::stop_token tok, int i);

void bound_workers_joined_by_a_loop() {
  std::vector<std::thread> threads;
  std::stop_source src;
  std::stop_token tok = src.get_token();
  std::atomic<bool> done{false};
  const auto worker = [&](int) {
    while (!tok.stop_requested() && !done) {
    }
  };
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(std::bind(worker, i));
  done = true;
  for (auto &t : threads)
    t.join();
}

void bound_front_worker_joined() {
  std::stop_source src;
  std::thread t(std::bind_front(
      [tok = src.get_token()](int) { (void)tok.stop_requested(); }, 1));
  t.join();
}

// The token is a bound argument of a named function, which may keep it.
void token_bound_to_named_function() {
  std::vector<std::thread> threads;
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(std::bind(poll_until_stopped, src.get_token(), i));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: note: the token of 'src' goes to work that may outlive the function here
  for (auto &t : threads)
    t.join();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'

// Bound workers whose threads are detached: nothing waits for them.
void bound_worker_detached() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelSrcFn = [&] { src.request_stop(); }; struct CancelSrc { decltype(cancelSrcFn) &Run; ~CancelSrc() { Run(); } } cancelSrc{cancelSrcFn};
  std::stop_token tok = src.get_token();
  auto worker = [tok](int) { (void)tok.stop_requested(); };
  std::thread(std::bind(worker, 1)).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'src' goes to work that may outlive the function here
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
