// Templates are analysed once, as written: a derivation whose callee
// depends on a template parameter is not seen, and instantiations add no
// second warning.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace ctxlib {
class CTX_CONTEXT Context {};
CTX_DERIVES Context with_value(const Context &parent, int key, int value);
} // namespace ctxlib

template <class Ctx> void handle(const Ctx &ctx);

template <class Ctx> void dependent(Ctx ctx, int n) {
  for (int i = 0; i < n; ++i) {
    ctx = with_value(ctx, 1, i);
    handle(ctx);
  }
}

template void dependent<ctxlib::Context>(ctxlib::Context, int);
