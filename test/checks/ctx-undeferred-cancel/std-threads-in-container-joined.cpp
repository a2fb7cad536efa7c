// Threads kept in a local container and joined by a loop over all of it:
// once the loop has run, the work the token went to has ended, so the
// source need not be cancelled. The shape of oneTBB's task tests and of
// worker pools.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <deque>
#include <stop_token>
#include <thread>
#include <vector>

#include <oneapi/tbb/task_group.h>

void spawn_on(tbb::task_group_context &ctx, int i);
void log_joined();
void step();

void range_for_join() {
  std::stop_source src;
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([tok = src.get_token()] {
      if (!tok.stop_requested())
        step();
    });
  for (auto &w : workers)
    w.join();
}

void joinable_guard_and_push_back() {
  std::stop_source src;
  std::deque<std::thread> workers;
  auto tok = src.get_token();
  workers.push_back(std::thread([tok] { (void)tok.stop_requested(); }));
  workers.emplace_back([tok] { (void)tok.stop_requested(); });
  for (auto &w : workers) {
    if (w.joinable()) {
      w.join();
    }
    log_joined();
  }
}

void index_loop_join(int n) {
  std::stop_source src;
  std::vector<std::thread> workers;
  workers.reserve(n);
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&src] {
      if (!src.get_token().stop_requested())
        step();
    });
  for (std::size_t i = 0; i != workers.size(); ++i)
    workers[i].join();
}

// A break inside a nested loop stays in that loop: every thread is joined.
void join_loop_with_inner_search(const std::vector<int> &ids) {
  std::stop_source src;
  std::vector<std::thread> workers;
  workers.emplace_back([tok = src.get_token()] { (void)tok.stop_requested(); });
  for (auto &w : workers) {
    for (int id : ids)
      if (id < 0)
        break;
    w.join();
  }
}

// A oneTBB context used by threads that are all joined before the context
// goes out of scope.
void tbb_context_in_threads() {
  tbb::task_group_context ctx;
  auto submit = [&ctx](int i) { spawn_on(ctx, i); };
  for (int round = 0; round < 10; ++round) {
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k)
      threads.emplace_back(submit, k);
    for (auto &thread : threads) {
      if (thread.joinable()) {
        thread.join();
      }
    }
  }
}
