// tbb::task::suspend runs its callback before it returns (and returns only
// once the task is resumed): a context captured by reference in that
// callback is not taken. The shape of oneTBB's resumable-task tests.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

void run_in(tbb::task_group_context &ctx);

void suspended(int n) {
  tbb::task_group_context ctx;
  tbb::parallel_for(0, n, [&ctx](int) {
    tbb::this_task_arena::isolate([&ctx] {
      tbb::task::suspend([&ctx](tbb::task::suspend_point tag) {
        run_in(ctx);
        tbb::task::resume(tag);
      });
    });
  });
}
