// A token that only goes to a local stop_callback: the registration ends
// with the scope, nothing outlives the function.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>

void log_cancelled();
bool fail();

void local_registration() {
  std::stop_source src;
  std::stop_callback cb(src.get_token(), [] { log_cancelled(); });
  if (fail())
    return;
  src.request_stop();
}
