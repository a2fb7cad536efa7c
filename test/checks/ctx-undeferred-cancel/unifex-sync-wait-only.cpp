// libunifex: a source that only feeds sync_wait needs no cancel.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

#include <unifex/inplace_stop_token.hpp>
#include <unifex/just.hpp>
#include <unifex/sync_wait.hpp>

template <class Sender>
Sender with_stop_token(Sender s, unifex::inplace_stop_token tok);
bool fail();

int blocking() {
  unifex::inplace_stop_source src;
  auto r = unifex::sync_wait(with_stop_token(unifex::just(42), src.get_token()));
  if (fail() || !r)
    return 0;
  return *r;
}
