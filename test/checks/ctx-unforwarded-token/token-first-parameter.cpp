// The overload takes the token first: the fix inserts it before the
// arguments the call already passes.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

struct Job {};
Job next_job(int queue);
Job next_job(std::stop_token stop, int queue);

void run(Job);

void worker(std::stop_token st, int queue) {
  while (!st.stop_requested())
    run(next_job(queue));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: call to 'next_job' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :9:5: note: overload that takes it: 'next_job(std::stop_token, int)'
  // CHECK-FIXES: run(next_job(st, queue));
}
