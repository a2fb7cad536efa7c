// The cancel is evaluated as part of the return statement, before the exit.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

bool cancel_and_report() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  if (fail())
    return src.request_stop();
  return src.request_stop() && true;
}
