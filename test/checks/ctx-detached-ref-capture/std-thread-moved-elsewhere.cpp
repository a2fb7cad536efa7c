// Threads moved into a container, a member or another function are owned
// elsewhere; whoever owns them decides when they are joined. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

void drain(std::stop_token);
void adopt(std::thread);

class Pool {
public:
  void add(std::stop_token &tok) {
    Workers.emplace_back([&tok] { drain(tok); });
    Workers.push_back(std::thread([&tok] { drain(tok); }));
    Single = std::thread([&tok] { drain(tok); });
  }
  void hand_over(std::stop_token &tok) {
    std::thread t([&tok] { drain(tok); });
    adopt(std::move(t));
  }
  ~Pool() {
    for (std::thread &t : Workers)
      t.join();
    Single.join();
  }

private:
  std::vector<std::thread> Workers;
  std::thread Single;
};
