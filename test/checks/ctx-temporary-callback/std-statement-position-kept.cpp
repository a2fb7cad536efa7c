// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

// The same positions as std-statement-after-label-or-else.cpp with callbacks
// that stay registered: no warning.

#include <stop_token>

void on_stop();
void work();

void named_after_case_label(std::stop_token tok, int mode) {
  switch (mode) {
  case 1: {
    std::stop_callback cb(tok, [] { on_stop(); });
    work();
    break;
  }
  default: {
    std::stop_callback cb(tok, [] { on_stop(); });
    work();
    break;
  }
  }
}

void braced_branches(std::stop_token tok, bool fast) {
  if (fast) {
    std::stop_callback cb(tok, [] { on_stop(); });
    work();
  } else {
    std::stop_callback cb(tok, [] { on_stop(); });
    work();
  }
}

// The case value and the condition are used, not discarded.
bool registered(const std::stop_callback<void (*)()> &);

void conditions(std::stop_token tok, int mode) {
  std::stop_callback<void (*)()> cb(tok, &on_stop);
  if (registered(cb))
    work();
  switch (mode) {
  case 1:
    work();
    break;
  }
}
