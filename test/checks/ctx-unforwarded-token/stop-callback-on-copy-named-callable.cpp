// The stop callback is registered on a copy of the token, with a callable
// kept in a named lambda: it still wakes the object the wait is made on.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>

struct Mailbox {
  std::mutex mu;
  std::condition_variable arrived;
  int pending = 0;
};

int take(Mailbox &box, std::stop_token st) {
  std::stop_token mine = st;
  auto wake = [&box] { box.arrived.notify_all(); };
  std::stop_callback on_stop(mine, wake);
  std::unique_lock<std::mutex> lk(box.mu);
  while (box.pending == 0 && !st.stop_requested())
    box.arrived.wait(lk);
  return box.pending;
}
