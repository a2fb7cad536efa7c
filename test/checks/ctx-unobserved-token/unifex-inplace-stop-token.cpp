// libunifex: a receiver-side loop holding an inplace_stop_token.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <unifex/inplace_stop_token.hpp>

bool next_frame();
void render();

void render_loop(unifex::inplace_stop_token st) {
  while (next_frame())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'st'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:45: note: stop token 'st' is received here
  // CHECK-FIXES: while (next_frame() && !st.stop_requested())
    render();
}
