// A local copy of the received token is the received token: the loop asks
// the copy, and the call still leaves the token out. The fix passes the
// name the callable received.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

bool send_heartbeat(int peer);
bool send_heartbeat(int peer, std::stop_token stop);

void heartbeat(int peer, std::stop_token st) {
  std::stop_token local = st;
  while (!local.stop_requested()) {
    if (!send_heartbeat(peer))
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'send_heartbeat' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
      // CHECK-MESSAGES: :9:6: note: overload that takes it: 'send_heartbeat(int, std::stop_token)'
      // CHECK-FIXES: if (!send_heartbeat(peer, st))
      return;
  }
}
