// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

// A function that returns the registration by value hands the caller a
// temporary: thrown away, it deregisters at the end of the statement.

#include <functional>
#include <stop_token>

struct Conn {
  void close();
};

std::stop_callback<std::function<void()>> close_on_stop(std::stop_token tok, Conn &c);

class Watchdog {
public:
  std::stop_callback<std::function<void()>> arm(std::stop_token tok);
};

void discarded(std::stop_token tok, Conn &c) {
  close_on_stop(tok, c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::stop_callback' returned by 'close_on_stop' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = close_on_stop(tok, c);
  c.close();
}

void discarded_member(std::stop_token tok, Watchdog &w) {
  w.arm(tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::stop_callback' returned by 'arm' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: auto stopCallback = w.arm(tok);
}

void cast_to_void(std::stop_token tok, Conn &c) {
  (void)close_on_stop(tok, c);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::stop_callback' returned by 'close_on_stop' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

void unbraced_branch(std::stop_token tok, Conn &c, bool watch) {
  if (watch)
    close_on_stop(tok, c);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::stop_callback' returned by 'close_on_stop'
}
