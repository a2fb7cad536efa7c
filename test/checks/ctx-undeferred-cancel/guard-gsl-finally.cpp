// gsl::finally guards; and with GSL visible, the fix uses gsl::finally.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <gsl/gsl>
#include <stop_token>
#include <thread>

void work(std::stop_token tok);
bool fail();

void guarded() {
  std::stop_source src;
  auto cancel = gsl::finally([&] { src.request_stop(); });
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
}

void leak() {
  std::stop_source src;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'src' is not cancelled on every path
  // CHECK-FIXES: auto cancelSrc = gsl::finally([&] { src.request_stop(); });
  std::thread(work, src.get_token()).detach();
  if (fail())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'src'
  src.request_stop();
}
