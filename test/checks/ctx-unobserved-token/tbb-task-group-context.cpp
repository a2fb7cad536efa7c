// oneTBB: a task_group_context received by reference is its own token. The
// fix asks is_group_execution_cancelled(), which oneTBB declares non-const:
// through a const reference the loop is reported without a fix.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <oneapi/tbb/task_group.h>

bool next_tile();
void shade_tile();

void shade(tbb::task_group_context &ctx) {
  while (next_tile())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes cancel source 'ctx'; a cancellation cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: cancel source 'ctx' is received here
  // CHECK-FIXES: while (next_tile() && !ctx.is_group_execution_cancelled())
    shade_tile();
}

void shade_const(const tbb::task_group_context &ctx) {
  while (next_tile())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes cancel source 'ctx'; a cancellation cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:49: note: cancel source 'ctx' is received here
  // CHECK-FIXES: while (next_tile())
    shade_tile();
}
