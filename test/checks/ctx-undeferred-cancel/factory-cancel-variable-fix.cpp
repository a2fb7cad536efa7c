// A factory that returns only the cancel function, kept in a variable: the
// fix guards the call.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <functional>

namespace ctxlib {
struct Context {};
[[clang::annotate("ctx::cancel_factory")]] std::function<void()>
attach_deadline(Context &ctx, int ms);
} // namespace ctxlib

void query(const ctxlib::Context &ctx);
bool fail();

void lookup(ctxlib::Context &ctx) {
  auto cancel = ctxlib::attach_deadline(ctx, 500);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: cancel function 'cancel' from 'attach_deadline' is not called on every path
  // CHECK-FIXES: auto cancelCancelFn = [&] { cancel(); }; struct CancelCancel { decltype(cancelCancelFn) &Run; ~CancelCancel() { Run(); } } cancelCancel{cancelCancelFn};
  query(ctx);
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  cancel();
}
