// A project's own executor is not known to detach until it is listed in
// DetachingCalls: silent by default.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <functional>
#include <stop_token>

namespace jobs {
void spawn_background(std::function<void()> job);
class Queue {
public:
  void submit(std::function<void()> job);
};
} // namespace jobs

void audit(std::stop_token);

void enqueue(jobs::Queue &q, std::stop_token tok) {
  jobs::spawn_background([&] { audit(tok); });
  q.submit([&tok] { audit(tok); });
}
