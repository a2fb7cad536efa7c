// A cancel factory whose cancel part is thrown away: reported at once.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20 -config="{CheckOptions: {CancelFactories: 'ctxlib::with_timeout'}}"

#include <functional>
#include <tuple>
#include <utility>

namespace ctxlib {
struct Context {
  bool done() const;
};
using CancelFunc = std::function<void()>;
std::pair<Context, CancelFunc> with_timeout(const Context &parent, int ms);
} // namespace ctxlib

void query(const ctxlib::Context &ctx);

void statement(const ctxlib::Context &parent) {
  ctxlib::with_timeout(parent, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the cancel function returned by 'with_timeout' is discarded; the context can never be cancelled [ctx-undeferred-cancel]
  (void)ctxlib::with_timeout(parent, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the cancel function returned by 'with_timeout' is discarded
}

void ignored(const ctxlib::Context &parent) {
  ctxlib::Context ctx;
  std::tie(ctx, std::ignore) = ctxlib::with_timeout(parent, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the cancel function returned by 'with_timeout' is discarded
  query(ctx);
}

void never_mentioned(const ctxlib::Context &parent) {
  auto [ctx, cancel] = ctxlib::with_timeout(parent, 100);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the cancel function returned by 'with_timeout' is discarded
  query(ctx);
}
