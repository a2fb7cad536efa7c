// A 'this' capture whose body does more than read the member (calls a
// non-const member, takes its address, passes it by non-const reference):
// reported, no fix, since a copy would not behave the same.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <stop_token>
#include <thread>

bool queue_full();
void reset(std::stop_source &);

class Throttle {
public:
  void watch() {
    std::thread([this] {
      if (queue_full())
        src_.request_stop();
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: cancel source 'src_' captured through 'this' may be destroyed while a detached thread still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE+1]]:8: note: the thread is detached here
    }).detach();
  }

  void rearm() {
    std::thread([this] { reset(src_); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: cancel source 'src_' captured through 'this'
    // CHECK-MESSAGES: :[[@LINE-2]]:42: note: the thread is detached here
  }

private:
  std::stop_source src_;
};
