// Order service: background pollers that refresh prices while the service
// runs.
//
// Expected findings:
//   ctx-unobserved-token at PricePoller::run: the worker is handed the
//   thread's stop token and its loop never asks it, so the jthread's
//   destructor requests stop and then waits for the loop forever.
// PricePoller::runCorrectly asks the token in the loop's condition.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>

namespace orders {

class PricePoller {
public:
  void run(std::stop_token shutdown) {
    while (Feed.load()) { // leak: shutdown is never asked
      refresh();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void runCorrectly(std::stop_token shutdown) {
    while (Feed.load() && !shutdown.stop_requested()) {
      refresh();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

private:
  void refresh() { ++Refreshes; }

  std::atomic<bool> Feed{true};
  std::atomic<long> Refreshes{0};
};

} // namespace orders

int main() {
  orders::PricePoller poller;
  std::jthread worker([&](std::stop_token st) { poller.runCorrectly(st); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::puts("stopping the poller");
}
