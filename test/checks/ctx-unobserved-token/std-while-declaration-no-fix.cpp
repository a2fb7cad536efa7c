// A condition that declares a variable cannot take `&& !tok.stop_requested()`:
// the loop is reported without a fix.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <memory>
#include <stop_token>

struct Job {
  void run();
};
std::unique_ptr<Job> next_job();

void consume(std::stop_token tok) {
  while (auto job = next_job()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: stop token 'tok' is received here
    job->run();
  }
}
