// folly::CancellationCallback registrations that stay registered for as long
// as their owner: in a container, in a member, in a lambda's capture, handed
// over or returned. No warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20

#include <folly/CancellationToken.h>
#include <list>
#include <memory>
#include <utility>

void abort_upstream();
void adopt(std::unique_ptr<folly::CancellationCallback> cb);
void run(std::shared_ptr<folly::CancellationCallback> keep);

void in_a_list(std::list<folly::CancellationCallback> &callbacks,
               const folly::CancellationToken &ct) {
  callbacks.emplace_back(ct, [] { abort_upstream(); });
}

struct Upload {
  std::unique_ptr<folly::CancellationCallback> onCancel;
  void start(folly::CancellationToken ct) {
    onCancel = std::make_unique<folly::CancellationCallback>(
        std::move(ct), [] { abort_upstream(); });
  }
};

void handed_over(const folly::CancellationToken &ct) {
  adopt(std::make_unique<folly::CancellationCallback>(
      ct, [] { abort_upstream(); }));
}

void captured_by_the_work(const folly::CancellationToken &ct) {
  auto cb = std::make_shared<folly::CancellationCallback>(
      ct, [] { abort_upstream(); });
  auto work = [cb] { abort_upstream(); };
  work();
  run(std::move(cb));
}

std::unique_ptr<folly::CancellationCallback>
returned(const folly::CancellationToken &ct) {
  return std::make_unique<folly::CancellationCallback>(
      ct, [] { abort_upstream(); });
}
