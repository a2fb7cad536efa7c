// oneTBB: asking the context, or handing it to the parallel algorithm that
// runs in the loop, observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_group.h>

bool next_frame();

void asks(tbb::task_group_context &ctx) {
  while (next_frame() && !ctx.is_group_execution_cancelled()) {
  }
}

void hands_on(tbb::task_group_context &ctx) {
  while (next_frame())
    tbb::parallel_for(
        tbb::blocked_range<int>(0, 64), [](const tbb::blocked_range<int> &) {},
        ctx);
}
