// The callable may be a named lambda or a std::bind with std::ref: the same
// objects are reached.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <functional>
#include <stop_token>
#include <thread>
#include <utility>

void drain(std::stop_token);
void drain_ref(std::stop_token &);

void named(std::stop_token tok) {
  auto job = [&tok] { drain(tok); };
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE+2]]:31: note: the thread is detached here
  // CHECK-FIXES: auto job = [tok] { drain(tok); };
  std::thread(std::move(job)).detach();
}

void bound(std::stop_token tok) {
  std::thread(std::bind(drain, std::cref(tok))).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: token 'tok' bound by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:49: note: the thread is detached here
  // CHECK-FIXES: std::thread(std::bind(drain, tok)).detach();
}

void bound_to_a_non_const_reference(std::stop_token tok) {
  // drain_ref takes a non-const reference: a copy would change what it sees.
  std::thread(drain_ref, std::ref(tok)).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: token 'tok' bound by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the thread is detached here
}
