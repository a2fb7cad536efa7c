// A token of a source that outlives the task (a member of a long-lived
// service, a heap source shared with the task, a joined thread): silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <memory>
#include <thread>
#include <unifex/inplace_stop_token.hpp>

void poll_fills(unifex::inplace_stop_token);

class FillPoller {
public:
  void start() {
    // The handle points into a member, not into a local of this frame.
    std::thread([t = Stop.get_token()] { poll_fills(t); }).detach();
  }

private:
  unifex::inplace_stop_source Stop;
};

void shared_source() {
  auto src = std::make_shared<unifex::inplace_stop_source>();
  std::thread([src] { poll_fills(src->get_token()); }).detach();
}

void joined() {
  unifex::inplace_stop_source src;
  std::thread t([t = src.get_token()] { poll_fills(t); });
  src.request_stop();
  t.join();
}
