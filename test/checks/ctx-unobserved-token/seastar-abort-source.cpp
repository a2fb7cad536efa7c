// Seastar: an abort_source received by reference; the coroutine's loop
// sleeps without it and never asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

void expire_entries();

seastar::future<> reaper(seastar::abort_source &as) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes cancel source 'as'; a cancellation cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:49: note: cancel source 'as' is received here
  // CHECK-FIXES: for (; !as.abort_requested();) {
    co_await seastar::sleep(std::chrono::seconds(1));
    expire_entries();
  }
}
