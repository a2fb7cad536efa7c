// Inside a class template, a lambda that keeps *this alive through a
// shared_from_this() copy captured by value is silent, as in a plain class.
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
    ex_.add([this, self = this->shared_from_this()] {
      if (!cancel_.isCancellationRequested())
        poll();
    });
  }

private:
  folly::Executor &ex_;
  folly::CancellationToken cancel_;
};

class PlainPoller : public std::enable_shared_from_this<PlainPoller> {
public:
  explicit PlainPoller(folly::Executor &ex) : ex_(ex) {}
  void start() {
    ex_.add([this, self = shared_from_this()] {
      if (!cancel_.isCancellationRequested())
        poll();
    });
  }

private:
  folly::Executor &ex_;
  folly::CancellationToken cancel_;
};
