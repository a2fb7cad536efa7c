// stdexec: an inplace_stop_token captured by a worker lambda. The note
// points at the capture.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stdexec/stop_token.hpp>

bool next_frame();
void render();

auto make_renderer(stdexec::inplace_stop_token st) {
  return [st] {
    while (next_frame())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never observes stop token 'st'; a stop request cannot end it [ctx-unobserved-token]
    // CHECK-MESSAGES: :[[@LINE-3]]:11: note: stop token 'st' is received here
    // CHECK-FIXES: while (next_frame() && !st.stop_requested())
      render();
  };
}
