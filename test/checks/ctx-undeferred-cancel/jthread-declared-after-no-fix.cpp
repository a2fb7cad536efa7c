// A jthread declared after the source is joined before a guard placed after
// the source would run; if it waits on the token the join never ends, so no
// fix is offered.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void leak() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  std::jthread worker(work, src.get_token());
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
