// A loop whose body leaves it on every path runs at most once, like an if:
// the expansion of assertion macros such as Arrow's ASSERT_OK
// (`for (Status st = expr; !st.ok();) FAIL() << ...`, with GoogleTest's
// FAIL() a return). Nothing can keep it running, so a stop request has
// nothing to end. A loop that may go round again still warns.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

struct Status {
  bool ok() const;
};
Status shutdown_pool();
Status next_step();
void report(const Status &);
bool more();

#define ASSERT_OK(expr) for (Status _st = (expr); !_st.ok();) return report(_st)

void worker(std::stop_token stop) {
  ASSERT_OK(shutdown_pool());
  for (Status st = next_step(); !st.ok();) {
    report(st);
    break;
  }
  while (more()) {
    report(next_step());
    throw 1;
  }
}

void goes_round_again(std::stop_token stop) {
  while (more()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'stop'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:39: note: stop token 'stop' is received here
  // CHECK-FIXES: while (more() && !stop.stop_requested()) {
    Status st = next_step();
    if (st.ok())
      continue;
    report(st);
    return;
  }
}
