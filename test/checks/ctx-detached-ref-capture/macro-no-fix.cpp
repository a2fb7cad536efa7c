// Captures written inside a macro are reported, but no edit is made inside a
// macro expansion.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

void drain(std::stop_token);

#define DETACH(body) std::thread(body).detach()
#define BY_REF &tok

void start(std::stop_token tok) {
  DETACH([BY_REF] { drain(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: token 'tok' captured by reference may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the thread is detached here
}
