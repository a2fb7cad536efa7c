// folly: a default-constructed CancellationToken is never cancelled.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20

#include <folly/CancellationToken.h>

void fetch(int id, const folly::CancellationToken &ct);
void store(int id, folly::CancellationToken ct = folly::CancellationToken());

void handle(folly::CancellationToken ct) {
  fetch(1, folly::CancellationToken{});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: empty token passed to 'fetch' is never cancelled; cancelling 'ct' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:38: note: token 'ct' is received here
  // CHECK-FIXES: fetch(1, ct);
  store(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'store' leaves out token 'ct', whose default is never cancelled; cancelling 'ct' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-7]]:38: note: token 'ct' is received here
  // CHECK-FIXES: store(2, ct);
}
