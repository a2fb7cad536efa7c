// The std::jthread callable's stop_token, and a lambda capturing a token,
// receive it: a defaulted token left out inside them cuts the chain.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>
#include <thread>

void poll_once(std::stop_token tok = {});

void start() {
  std::jthread worker([](std::stop_token stop) {
    poll_once();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'poll_once' leaves out token 'tok', whose default is never cancelled; cancelling 'stop' does not reach it [ctx-broken-propagation]
    // CHECK-MESSAGES: :[[@LINE-3]]:42: note: token 'stop' is received here
    // CHECK-FIXES: poll_once(stop);
  });
}

void captured(std::stop_token st) {
  auto step = [st] {
    poll_once();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'poll_once' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: token 'st' is received here
    // CHECK-FIXES: poll_once(st);
  };
  step();
}

void lambda_without_token(std::stop_token st) {
  // A nested lambda that captures no token is not part of the chain.
  auto later = [] { poll_once(); };
  later();
  poll_once(st);
}
