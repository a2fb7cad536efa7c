// With absl::Cleanup visible, the fix uses it.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <absl/cleanup/cleanup.h>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void leak() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: absl::Cleanup cancelSrc = [&] { src.request_stop(); };
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
