// A parameter taken by value is the loop's own variable: re-deriving it
// from itself grows the chain. Read only later in the iteration, it can
// stay the unchanged parent of a loop-local derivation.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <string>
#include <vector>

namespace ctxlib {
class CTX_CONTEXT Context {
public:
  CTX_DERIVES Context with_value(const std::string &key, const std::string &value) const;
};
} // namespace ctxlib

void log(const ctxlib::Context &ctx, const std::string &line);

void logAll(ctxlib::Context ctx, const std::vector<std::string> &lines) {
  for (const std::string &line : lines) {
    ctx = ctx.with_value("line", line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-4]]:29: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx2 = ctx.with_value("line", line);
    log(ctx, line);
    // CHECK-FIXES: log(ctx2, line);
  }
}

// A name the loop already uses is not taken for the new variable.
void logAllAgain(ctxlib::Context ctx, const std::vector<std::string> &lines) {
  for (const std::string &line : lines) {
    ctxlib::Context ctx2;
    ctx = ctx.with_value("line", line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request context 'ctx' is derived again from its own value on every iteration; its chain grows by one link per iteration and no link is released while the loop runs [ctx-loop-derivation]
    // CHECK-MESSAGES: :[[@LINE-5]]:34: note: 'ctx' is declared outside the loop
    // CHECK-FIXES: auto ctx3 = ctx.with_value("line", line);
    log(ctx, line);
    // CHECK-FIXES: log(ctx3, line);
    log(ctx2, line);
  }
}
