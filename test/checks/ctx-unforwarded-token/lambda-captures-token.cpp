// A lambda that captures the token by copy (const inside a lambda that is
// not mutable) receives it: the overload takes a const reference, so
// passing the capture compiles.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <functional>
#include <stop_token>

void poll_sensor(int id);
void poll_sensor(int id, const std::stop_token &stop);

std::function<void()> make_task(std::stop_token st, int id) {
  return [st, id] {
    if (!st.stop_requested())
      poll_sensor(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: call to 'poll_sensor' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
    // CHECK-MESSAGES: :10:6: note: overload that takes it: 'poll_sensor(int, const std::stop_token &)'
    // CHECK-FIXES: poll_sensor(id, st);
  };
}
