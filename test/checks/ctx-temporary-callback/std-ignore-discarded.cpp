// Assigning a registration to std::ignore throws it away like a cast to
// void: it is destroyed at the end of the statement. No fix: naming it needs
// the assignment rewritten.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <functional>
#include <stop_token>
#include <tuple>

struct Conn {
  void close();
};

std::stop_callback<std::function<void()>> close_on_stop(std::stop_token tok,
                                                        Conn &c);

void temporary(std::stop_token tok, Conn &c) {
  std::ignore = std::stop_callback(tok, [&c] { c.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

void returned(std::stop_token tok, Conn &c) {
  std::ignore = close_on_stop(tok, c);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::stop_callback' returned by 'close_on_stop' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

template <typename F> void in_template(std::stop_token tok, F f) {
  std::ignore = std::stop_callback(tok, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

// std::ignore given something else, and a project's own variable named
// ignore, whose assignment may keep what it is given.
namespace mine {
struct Keeper {
  template <typename T> Keeper &operator=(T &&);
};
extern Keeper ignore;
} // namespace mine

void kept_or_other(std::stop_token tok, Conn &c) {
  std::stop_callback kept(tok, [&c] { c.close(); });
  std::ignore = tok.stop_requested();
  mine::ignore = close_on_stop(tok, c);
}
