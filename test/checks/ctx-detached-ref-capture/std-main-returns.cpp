// In main, a detached thread that is not waited for still outlives main's
// locals when main returns.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

int main() {
  std::stop_source shutdown;
  std::thread([&] { drain(shutdown.get_token()); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel source 'shutdown' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:53: note: the thread is detached here
  // CHECK-FIXES: std::thread([&, shutdown] { drain(shutdown.get_token()); }).detach();
  return 0;
}
