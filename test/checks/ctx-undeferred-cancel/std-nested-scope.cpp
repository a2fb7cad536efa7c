// A handle in an inner block, cancelled before the block ends; the function
// returns later.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

int nested(bool enabled) {
  if (enabled) {
    std::stop_source src;
    std::thread(work, src.get_token()).detach();
    src.request_stop();
  }
  if (fail())
    return 1;
  return 0;
}
