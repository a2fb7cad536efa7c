// PPL: cancelled on every path, including through a copy of the source.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <pplx/pplxcancellation_token.h>

void start_upload(pplx::cancellation_token tok);
bool fail();

void upload() {
  pplx::cancellation_token_source cts;
  pplx::cancellation_token_source copy = cts;
  start_upload(cts.get_token());
  if (fail()) {
    copy.cancel();
    return;
  }
  cts.cancel();
}
