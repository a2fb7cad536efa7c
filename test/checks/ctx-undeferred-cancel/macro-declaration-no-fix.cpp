// A declaration written by a macro gets the warning but no fix.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

#define MAKE_SOURCE(name) std::stop_source name

void work(std::stop_token tok);
bool fail();

void leak() {
  MAKE_SOURCE(src);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: cancel handle 'src' is not cancelled on every path
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
