// Calls the model does not know as deriving, and tokens handed out by a
// source, are not links of a chain: a new stop source per iteration is a
// fresh root each time.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++20 -- -I%project_root/include

#include <ctx/annotations.h>
#include <stop_token>

namespace ctxlib {
class CTX_CONTEXT Context {};
Context annotate(const Context &ctx, int key); // not declared deriving
} // namespace ctxlib

void handle(const ctxlib::Context &ctx);
void work(std::stop_token tok);

void unknownCall(ctxlib::Context ctx, int n) {
  for (int i = 0; i < n; ++i) {
    ctx = ctxlib::annotate(ctx, i);
    handle(ctx);
  }
}

void sources(int n) {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  for (int i = 0; i < n; ++i) {
    src = std::stop_source();
    tok = src.get_token();
    work(tok);
  }
}

void copies(std::stop_token tok, std::stop_token other, int n) {
  for (int i = 0; i < n; ++i) {
    tok = other;
    work(tok);
  }
}
