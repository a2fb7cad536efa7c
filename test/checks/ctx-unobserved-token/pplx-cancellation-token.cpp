// cpprestsdk (PPL): a task body that loops with the cancellation_token in
// hand and never asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <pplx/pplxcancellation_token.h>
#include <pplx/pplxtasks.h>

bool has_rows();
void export_row();

pplx::task<void> export_all(pplx::cancellation_token tok) {
  return pplx::create_task([tok] {
    while (has_rows())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:29: note: stop token 'tok' is received here
    // CHECK-FIXES: while (has_rows() && !tok.is_canceled())
      export_row();
  }, tok);
}
