// A Go-style cancel factory: the cancel function must be called on every
// path. No fix for a structured binding.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20 -config="{CheckOptions: {CancelFactories: 'ctxlib::with_timeout'}}"

#include <functional>
#include <utility>

namespace ctxlib {
struct Context {
  bool done() const;
};
using CancelFunc = std::function<void()>;
std::pair<Context, CancelFunc> with_timeout(const Context &parent, int ms);
} // namespace ctxlib

void query(const ctxlib::Context &ctx);
bool fail();

void lookup(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_timeout(parent, 500);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function 'cancel' from 'with_timeout' is not called on every path; work waiting on its context may never stop [ctx-undeferred-cancel]
  query(ctx);
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  cancel();
}
