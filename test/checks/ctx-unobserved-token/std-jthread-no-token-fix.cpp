// A std::jthread whose callable takes no stop token and loops forever: its
// destructor requests a stop nobody reads, then joins forever. The fix gives
// the callable the thread's token and asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <thread>
#include <vector>

void pump();
bool ready();

void start() {
  std::jthread t([] {
    while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes a stop token; the 'std::jthread' destructor will request stop and then wait for this loop forever [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the thread is started here
    // CHECK-FIXES: std::jthread t([](std::stop_token stop) {
    // CHECK-FIXES: while (!stop.stop_requested()) {
      pump();
    }
  });
}

void with_parentheses(std::vector<std::jthread> &threads) {
  int stop = 0;
  threads.emplace_back([&stop]() {
    for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes a stop token; the 'std::jthread' destructor will request stop and then wait for this loop forever [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the thread is started here
    // CHECK-FIXES: threads.emplace_back([&stop](std::stop_token stop2) {
    // CHECK-FIXES: for (; !stop2.stop_requested();) {
      ++stop;
      if (ready())
        continue;
      pump();
    }
  });
}
