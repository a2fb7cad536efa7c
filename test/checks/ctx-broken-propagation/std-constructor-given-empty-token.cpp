// A construction is a call too: an object built with an empty token, or
// relying on a constructor's defaulted one, is cut off.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

class Poller {
public:
  explicit Poller(int fd, std::stop_token stop = {});
  void run();
};

void serve(int fd, std::stop_token st) {
  Poller a(fd, std::stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: empty token passed to 'Poller' is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-3]]:36: note: token 'st' is received here
  // CHECK-FIXES: Poller a(fd, st);
  a.run();
  Poller b(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'Poller' leaves out token 'stop', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-8]]:36: note: token 'st' is received here
  // CHECK-FIXES: Poller b(fd, st);
  b.run();
  Poller c(fd, st);
  c.run();
}
