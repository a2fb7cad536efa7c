// Cancel functions that are called, guarded, returned or handed off.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <absl/cleanup/cleanup.h>
#include <functional>
#include <utility>

namespace ctxlib {
struct Context {
  bool done() const;
};
using CancelFunc = std::function<void()>;
[[clang::annotate("ctx::cancel_factory")]] std::pair<Context, CancelFunc>
with_cancel(const Context &parent);
} // namespace ctxlib

void query(const ctxlib::Context &ctx);
void on_close(ctxlib::CancelFunc f);
bool fail();

void called(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_cancel(parent);
  query(ctx);
  if (fail()) {
    cancel();
    return;
  }
  cancel();
}

void deferred(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_cancel(parent);
  absl::Cleanup defer = [&] { cancel(); };
  query(ctx);
  if (fail())
    return;
}

void deferred_directly(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_cancel(parent);
  absl::Cleanup defer = cancel;
  query(ctx);
}

ctxlib::CancelFunc returned(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_cancel(parent);
  query(ctx);
  return cancel;
}

void handed_off(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_cancel(parent);
  on_close(cancel);
  query(ctx);
}
