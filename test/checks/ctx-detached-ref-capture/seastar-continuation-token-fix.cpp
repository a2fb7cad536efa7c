// A discarded seastar continuation that captures a copyable, owning token
// by reference is given a copy, as a detached thread would be.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <seastar/core/future.hh>
#include <stop_token>

seastar::future<> flush();
void audit(std::stop_token);

void explicit_capture(std::stop_token tok) {
  (void)flush().then([&tok] { audit(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: token 'tok' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the continuation's future is discarded here and nothing waits for it
  // CHECK-FIXES: (void)flush().then([tok] { audit(tok); });
}

void default_capture() {
  std::stop_source src;
  std::stop_token tok = src.get_token();
  (void)flush().finally([&] { audit(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: token 'tok' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-FIXES: (void)flush().finally([&, tok] { audit(tok); });
}
