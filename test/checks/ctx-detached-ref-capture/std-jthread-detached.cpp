// A std::jthread that is detached no longer joins: reported like std::thread.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

void fire(std::stop_source &requests) {
  std::stop_source local;
  std::jthread worker([&] { drain(local.get_token()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel source 'local' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the thread is detached here
  // CHECK-FIXES: std::jthread worker([&, local] { drain(local.get_token()); });
  if (requests.stop_possible())
    worker.detach();
}
