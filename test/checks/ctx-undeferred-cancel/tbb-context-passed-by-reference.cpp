// oneTBB: a task_group_context passed by reference to calls (a blocking TBB
// algorithm, a local helper, a do-nothing marker) does not leave the
// function: nothing can keep a reference to a local past the function
// without dangling. Shapes from oneTBB's own tests.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20
#include <oneapi/tbb.h>

bool failed();
template <typename T> void suppress_unused_warning(const T &) {}
void run_with(tbb::task_group_context &ctx);
void check_state(const tbb::task_group_context &ctx);

void helper_and_marker() {
  tbb::task_group_context ctx(tbb::task_group_context::isolated);
  run_with(ctx);
  check_state(ctx);
  if (failed())
    return;
  suppress_unused_warning(ctx);
}

void blocking_algorithm() {
  tbb::task_group_context context;
  tbb::parallel_for(0, 10, [](int) {}, context);
  if (failed())
    return;
}

void local_group_on_context() {
  tbb::task_group_context ctx;
  tbb::task_group tg(ctx);
  tg.run([] {});
  tg.wait();
}

void lambda_to_blocking_call() {
  tbb::task_group_context ctx;
  tbb::task_arena arena;
  tbb::parallel_invoke([&] { run_with(ctx); }, [] {});
  if (failed())
    return;
}
