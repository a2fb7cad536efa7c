// A loop written through a macro is reported, without a fix: the rewrite
// would have to change the macro, which other code may use.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

#define FOREVER for (;;)
#define ALWAYS true

void step();

void run(std::stop_token tok) {
  FOREVER step();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-8]]:17: note: expanded from macro 'FOREVER'
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: stop token 'tok' is received here
  while (ALWAYS)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-7]]:26: note: stop token 'tok' is received here
    step();
}
