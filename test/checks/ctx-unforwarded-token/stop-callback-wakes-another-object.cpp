// The stop callback notifies another condition variable than the one the
// wait is made on, and a callback registered after the wait cannot wake
// it either: both waits are reported.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <condition_variable>
#include <mutex>
#include <stop_token>

struct Pipeline {
  std::mutex mu;
  std::condition_variable input_ready;
  std::condition_variable output_ready;
  bool in = false;
  bool out = false;
};

void stage(Pipeline &p, std::stop_token st) {
  std::stop_callback wake(st, [&p] { p.output_ready.notify_all(); });
  std::unique_lock<std::mutex> lk(p.mu);
  p.input_ready.wait(lk, [&] { return p.in || st.stop_requested(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: wait on 'p.input_ready' cannot be woken by a stop request on 'st' [ctx-unforwarded-token]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: a stop callback on 'st' that notifies 'p.input_ready' wakes it, or a wait on 'std::condition_variable_any' given 'st' and a predicate
  p.output_ready.wait(lk, [&] { return p.out || st.stop_requested(); });
}

void late(Pipeline &p, std::stop_token st) {
  std::unique_lock<std::mutex> lk(p.mu);
  p.input_ready.wait(lk, [&] { return p.in || st.stop_requested(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: wait on 'p.input_ready' cannot be woken by a stop request on 'st' [ctx-unforwarded-token]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: a stop callback on 'st' that notifies 'p.input_ready' wakes it, or a wait on 'std::condition_variable_any' given 'st' and a predicate
  std::stop_callback wake(st, [&p] { p.input_ready.notify_all(); });
}
