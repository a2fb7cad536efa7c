// Order service: the dispatcher thread that hands queued orders to couriers.
//
// Expected findings:
//   ctx-unforwarded-token at Dispatcher::start: the worker checks its stop
//   token, then blocks in a wait that the stop request never wakes, so the
//   std::jthread's destructor (which requests stop and joins) hangs while
//   the queue is empty. condition_variable_any has a wait that takes the
//   token; the fix passes it.
// Dispatcher::startCorrectly gives the wait the token and ends on stop.

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace orders {

class Dispatcher {
public:
  void submit(std::string order) {
    {
      std::lock_guard<std::mutex> lock(Mu);
      Queue.push_back(std::move(order));
    }
    Ready.notify_one();
  }

  void start() {
    Worker = std::jthread([this](std::stop_token stop) {
      while (!stop.stop_requested()) {
        std::unique_lock<std::mutex> lock(Mu);
        // leak: a stop request never wakes this wait
        Ready.wait(lock, [this] { return !Queue.empty(); });
        std::string order = std::move(Queue.front());
        Queue.pop_front();
        lock.unlock();
        std::printf("dispatching %s\n", order.c_str());
      }
    });
  }

  void startCorrectly() {
    Worker = std::jthread([this](std::stop_token stop) {
      while (true) {
        std::unique_lock<std::mutex> lock(Mu);
        if (!Ready.wait(lock, stop, [this] { return !Queue.empty(); }))
          return; // stop requested
        std::string order = std::move(Queue.front());
        Queue.pop_front();
        lock.unlock();
        std::printf("dispatching %s\n", order.c_str());
      }
    });
  }

private:
  std::mutex Mu;
  std::condition_variable_any Ready;
  std::deque<std::string> Queue;
  std::jthread Worker;
};

} // namespace orders

int main() {
  orders::Dispatcher d;
  d.startCorrectly();
  d.submit("order-1");
}
