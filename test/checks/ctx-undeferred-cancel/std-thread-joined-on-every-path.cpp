// A token handed to a local std::thread that is joined on every path: the
// work has ended once join() returns, so the source need not be cancelled.
// The shape of libstdc++'s condition_variable_any stop_token tests.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

using namespace std::literals;

bool verify(bool);

// Cancelled on one branch, joined on both.
void wait_until(bool ck) {
  bool ready = false;
  std::mutex mtx;
  std::condition_variable_any cv;
  std::stop_source src;
  auto abst = std::chrono::steady_clock::now() + 1.0s;
  auto tok = src.get_token();
  std::thread t([ck, &ready, &mtx, &cv, abst, tok] {
    std::unique_lock lck(mtx);
    auto res = cv.wait_until(lck, tok, abst, [&ready] { return ready; });
    if (!res && ck)
      verify(tok.stop_requested());
  });
  if (ck) {
    std::this_thread::sleep_for(0.5s);
    src.request_stop();
    t.join();
  } else {
    std::this_thread::sleep_for(1.5s);
    t.join();
    verify(!src.stop_requested());
  }
}

// Joined before an early return and at the end; the token is taken inside
// the thread's lambda.
bool failed();
void joined_before_return() {
  std::stop_source src;
  std::thread t([&src] {
    std::stop_token tok = src.get_token();
    while (!tok.stop_requested()) {
    }
  });
  if (failed()) {
    t.join();
    return;
  }
  t.join();
}

// The usual guard of a join: the thread is joinable until it is joined, so
// the branch that skips the join is never taken.
void joined_if_joinable() {
  std::stop_source src;
  std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  if (t.joinable())
    t.join();
}

void joined_if_joinable_block() {
  std::stop_source src;
  std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  if (t.joinable()) {
    t.join();
    verify(true);
  }
}

// Two threads, each joined; queries on the threads do not release them.
void two_threads() {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  std::thread a([tok] { verify(tok.stop_requested()); });
  std::thread b([tok] { verify(tok.stop_requested()); });
  verify(a.get_id() != b.get_id());
  b.join();
  a.join();
}

// A std::jthread joined explicitly.
void jthread_joined() {
  std::stop_source src;
  std::jthread t([tok = src.get_token()] { verify(tok.stop_requested()); });
  t.join();
}

// A thread per iteration, joined in the same iteration.
void per_iteration(int n) {
  std::stop_source src;
  for (int i = 0; i < n; ++i) {
    std::thread t([tok = src.get_token()] { verify(tok.stop_requested()); });
    t.join();
  }
}

// A task_group_context is its own token: a local thread that reaches it by
// reference ends its work when joined.
#include <oneapi/tbb/task_group.h>
void run_in(tbb::task_group_context &ctx);
void tbb_context_on_joined_thread() {
  tbb::task_group_context ctx;
  std::thread t([&ctx] { run_in(ctx); });
  t.join();
}
