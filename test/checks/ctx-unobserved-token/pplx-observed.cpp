// cpprestsdk (PPL): the task body asks the token and cancels the current
// task, the documented pattern.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <pplx/pplxcancellation_token.h>
#include <pplx/pplxtasks.h>

bool has_rows();
void export_row();

pplx::task<void> export_all(pplx::cancellation_token tok) {
  return pplx::create_task([tok] {
    while (has_rows()) {
      if (tok.is_canceled())
        pplx::cancel_current_task();
      export_row();
    }
  }, tok);
}
