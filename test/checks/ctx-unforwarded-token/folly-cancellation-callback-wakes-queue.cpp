// A folly CancellationCallback on the received token closes the queue the
// worker blocks on: the blocking pop is woken by a cancellation even though
// a pop that takes the token exists.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <folly/CancellationToken.h>
#include <optional>

class JobQueue {
public:
  std::optional<int> pop();
  std::optional<int> pop(const folly::CancellationToken &ct);
  void close();
};

void handle(int);

void consume(JobQueue &q, folly::CancellationToken ct) {
  folly::CancellationCallback closeOnCancel(ct, [&q] { q.close(); });
  while (auto job = q.pop())
    handle(*job);
}
