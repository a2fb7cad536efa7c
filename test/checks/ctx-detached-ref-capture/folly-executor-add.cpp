// folly::Executor::add and folly::via run the function later on another
// thread; nothing in the frame waits for it.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <folly/CancellationToken.h>
#include <folly/Executor.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <folly/futures/Future.h>

void reprice(folly::CancellationToken);

void reprice_later(folly::Executor &ex, folly::CancellationSource &cancel) {
  folly::CancellationToken tok = cancel.getToken();
  ex.add([&] { reprice(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: token 'tok' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:6: note: the task is handed to 'folly::Executor::add' here and nothing waits for it
  // CHECK-FIXES: ex.add([&, tok] { reprice(tok); });
}

void via_discarded(folly::Executor *ex, folly::CancellationSource cancel) {
  folly::via(ex, [&cancel] { cancel.requestCancellation(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel source 'cancel' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the task is handed to 'folly::via' here and nothing waits for it
  // CHECK-FIXES: folly::via(ex, [cancel] { cancel.requestCancellation(); });
}

class Repricer {
public:
  void start(folly::CPUThreadPoolExecutor &pool) {
    pool.add([this] { reprice(Token); });
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: token 'Token' captured through 'this' may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the task is handed to 'folly::CPUThreadPoolExecutor::add' here and nothing waits for it
    // CHECK-FIXES: pool.add([this, token = Token] { reprice(token); });
  }

private:
  folly::CancellationToken Token;
};
