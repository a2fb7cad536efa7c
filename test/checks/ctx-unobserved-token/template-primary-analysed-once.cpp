// A template is analysed once, as written, however often it is
// instantiated. The condition depends on the template parameter (it could
// be of a type with its own operator&&), so no fix is offered.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

template <class Job> bool run_one(Job &job);

template <class Job> void drain(Job &job, std::stop_token tok) {
  while (run_one(job))
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:59: note: stop token 'tok' is received here
  // CHECK-FIXES: while (run_one(job))
    ;
}

struct A {};
struct B {};
void use(A &a, B &b, std::stop_token tok) {
  drain(a, tok);
  drain(b, tok);
}
