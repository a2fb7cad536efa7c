// A std::jthread spelled through an alias is still a std::jthread.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

using Watcher = std::jthread;
template <class T> using Owned = T;

void poll(std::stop_token tok);

void watch(std::stop_token tok) {
  Watcher w([&tok] { poll(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-FIXES: Watcher w([tok] { poll(tok); });
  w.detach();
}

void watch_template_alias(std::stop_token tok) {
  Owned<std::jthread> w([&tok] { poll(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-FIXES: Owned<std::jthread> w([tok] { poll(tok); });
  w.detach();
}
