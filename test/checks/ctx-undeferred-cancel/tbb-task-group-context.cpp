// oneTBB: the context itself is the token; a task_group built on it may run
// on after the function returns early.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <oneapi/tbb/task_group.h>

bool invalid_batch();
void price(int);

void reprice(tbb::task_group &outer) {
  tbb::task_group_context ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel handle 'ctx' is not cancelled on every path
  // CHECK-FIXES: auto cancelCtxFn = [&] { ctx.cancel_group_execution(); }; struct CancelCtx { decltype(cancelCtxFn) &Run; ~CancelCtx() { Run(); } } cancelCtx{cancelCtxFn};
  auto *group = new tbb::task_group(ctx);
  group->run([] { price(1); });
  if (invalid_batch())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'ctx'
  ctx.cancel_group_execution();
  group->wait();
  delete group;
  (void)outer;
}
