// std::async whose future is returned or stored beyond the frame: the task
// may run after the captured locals are destroyed.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <future>
#include <stop_token>
#include <vector>

int count_orders(std::stop_token);

std::future<int> returned(std::stop_token tok) {
  return std::async(std::launch::async, [&tok] { return count_orders(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: token 'tok' captured by reference may be destroyed while an unawaited std::async task still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the future of 'std::async' leaves the scope here
  // CHECK-FIXES: return std::async(std::launch::async, [tok] { return count_orders(tok); });
}

std::future<int> returned_through_local(std::stop_token tok) {
  auto f = std::async([&] { return count_orders(tok); });
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: token 'tok' captured by reference
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: the future of 'std::async' leaves the scope here
  // CHECK-FIXES: auto f = std::async([&, tok] { return count_orders(tok); });
  return f;
}

class Reporter {
public:
  void start(std::stop_token tok) {
    Pending.push_back(std::async(std::launch::async, [&tok] { return count_orders(tok); }));
    // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: token 'tok' captured by reference
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the future of 'std::async' leaves the scope here
    // CHECK-FIXES: Pending.push_back(std::async(std::launch::async, [tok] { return count_orders(tok); }));
    Last = std::async(std::launch::async, count_orders, std::ref(tok));
    // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: token 'tok' bound by reference
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the future of 'std::async' leaves the scope here
    // CHECK-FIXES: Last = std::async(std::launch::async, count_orders, tok);
  }

private:
  std::vector<std::future<int>> Pending;
  std::future<int> Last;
};
