// A context captured by reference by work that a task arena runs before the
// call returns (task_arena::execute, this_task_arena::isolate) is not taken:
// the shape of oneTBB's own task tests.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

void run_in(tbb::task_group_context &ctx);

void arena_execute(tbb::task_arena &arena) {
  tbb::task_group_context ctx;
  arena.execute([&] { run_in(ctx); });
}

void isolated() {
  tbb::task_group_context ctx;
  tbb::this_task_arena::isolate([&] { run_in(ctx); });
}
