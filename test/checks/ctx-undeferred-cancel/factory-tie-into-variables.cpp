// std::tie into variables the function owns: the cancel is kept and called.
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

void tied(const ctxlib::Context &parent) {
  ctxlib::Context ctx;
  ctxlib::CancelFunc cancel;
  std::tie(ctx, cancel) = ctxlib::with_timeout(parent, 100);
  query(ctx);
  cancel();
}
