// SynchronousCalls extends the defaults with the project's own blocking
// helpers.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20 -config="{CheckOptions: {ctx-undeferred-cancel.SynchronousCalls: 'testing::run_to_completion'}}"

#include <stop_token>

namespace testing {
int run_to_completion(std::stop_token tok);
}
bool fail();

int run() {
  std::stop_source src;
  int r = testing::run_to_completion(src.get_token());
  if (fail())
    return -1;
  return r;
}
