// oneTBB: a lambda holding a reference to the context, passed to work that
// may outlive the function, takes the context's token.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20
#include <functional>
#include <oneapi/tbb.h>

bool failed();
void spawn(std::function<void()> work);

void escaping_lambda() {
  tbb::task_group_context ctx;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel handle 'ctx' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  // CHECK-FIXES: auto cancelCtxFn = [&] { ctx.cancel_group_execution(); }; struct CancelCtx { decltype(cancelCtxFn) &Run; ~CancelCtx() { Run(); } } cancelCtx{cancelCtxFn};
  spawn([&ctx] { (void)ctx.is_group_execution_cancelled(); });
  if (failed())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'ctx'
  ctx.cancel_group_execution();
}
