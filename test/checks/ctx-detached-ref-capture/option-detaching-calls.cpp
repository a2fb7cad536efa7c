// DetachingCalls adds the project's own fire-and-forget functions and
// members (the defaults stay): a member entry also matches derived classes.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20 -config="{CheckOptions: {ctx-detached-ref-capture.DetachingCalls: 'jobs::spawn_background;jobs::Queue::submit'}}"

#include <boost/asio.hpp>
#include <functional>
#include <stop_token>

namespace jobs {
void spawn_background(std::function<void()> job);
class Queue {
public:
  virtual ~Queue() = default;
  virtual void submit(std::function<void()> job);
};
class PriorityQueue : public Queue {
public:
  void submit(std::function<void()> job) override;
};
} // namespace jobs

void audit(std::stop_token);

void enqueue(jobs::PriorityQueue &q, boost::asio::any_io_executor ex,
             std::stop_token tok) {
  jobs::spawn_background([&] { audit(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: token 'tok' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: the task is handed to 'jobs::spawn_background' here and nothing waits for it
  // CHECK-FIXES: jobs::spawn_background([&, tok] { audit(tok); });
  q.submit([&tok] { audit(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: token 'tok' captured by reference
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the task is handed to 'jobs::PriorityQueue::submit' here and nothing waits for it
  // CHECK-FIXES: q.submit([tok] { audit(tok); });
  boost::asio::post(ex, [&tok] { audit(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: token 'tok' captured by reference
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: the task is handed to 'boost::asio::post' here
  // CHECK-FIXES: boost::asio::post(ex, [tok] { audit(tok); });
}
