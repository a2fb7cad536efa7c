// A local std::jthread that is not joined explicitly is joined by its
// destructor; if its work waits on another source's token, that join never
// ends. Only an explicit join() is taken to end the work.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void waits_for_stop() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  std::jthread t([tok = src.get_token()] {
    while (!tok.stop_requested()) {
    }
  });
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the end of the function is reached without cancelling 'src'
