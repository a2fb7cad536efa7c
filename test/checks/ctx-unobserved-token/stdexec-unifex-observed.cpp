// libunifex and stdexec: asking the token in the condition, or registering a
// stop callback inside the loop, observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stdexec/stop_token.hpp>
#include <unifex/inplace_stop_token.hpp>

bool next_frame();
void render();
void wake();

void unifex_asks(unifex::inplace_stop_token st) {
  while (next_frame() && !st.stop_requested())
    render();
}

void stdexec_asks(stdexec::inplace_stop_token st) {
  for (;;) {
    if (st.stop_requested())
      break;
    render();
  }
}

struct Wake {
  void operator()() noexcept { wake(); }
};

void stdexec_registers(stdexec::inplace_stop_token st) {
  while (next_frame()) {
    stdexec::inplace_stop_callback<Wake> cb(st, Wake{});
    render();
  }
}
