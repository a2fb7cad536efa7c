// The same class template without the shared_from_this() copy is reported:
// nothing keeps *this alive while the executor runs the lambda.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <folly/CancellationToken.h>
#include <folly/Executor.h>
#include <memory>

void poll();

template <class T>
class Poller : public std::enable_shared_from_this<Poller<T>> {
public:
  explicit Poller(folly::Executor &ex) : ex_(ex) {}
  void start() {
    ex_.add([this] {
      if (!cancel_.isCancellationRequested())
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: token 'cancel_' captured through 'this' may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: the task is handed to 'folly::Executor::add' here and nothing waits for it
      // CHECK-FIXES: ex_.add([this, cancel = cancel_] {
      // CHECK-FIXES-NEXT: if (!cancel.isCancellationRequested())
        poll();
    });
  }

private:
  folly::Executor &ex_;
  folly::CancellationToken cancel_;
};
