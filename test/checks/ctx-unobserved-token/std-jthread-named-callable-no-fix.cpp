// A named callable may be called elsewhere too: adding a parameter to it
// could break those calls, so the loop is reported without a fix.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <thread>

void pump();

void start() {
  auto body = [] {
    for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes a stop token; the 'std::jthread' destructor will request stop and then wait for this loop forever [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE+3]]:16: note: the thread is started here
      pump();
  };
  std::jthread t(body);
}
