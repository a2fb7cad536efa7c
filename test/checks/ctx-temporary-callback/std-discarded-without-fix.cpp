// Temporaries that die at once but where naming them in place would not help
// (the statement is its own scope) or is not a plain rewrite: warn, no fix.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stop_token>

void log_cancelled();

void void_cast(std::stop_token tok) {
  (void)std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

void unbraced_if(std::stop_token tok, bool verbose) {
  if (verbose)
    std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
}

void comma(std::stop_token tok, int &n) {
  std::stop_callback(tok, [] { log_cancelled(); }), ++n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
}

void loop_body(std::stop_token tok) {
  for (int i = 0; i < 3; ++i)
    std::stop_callback(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
}

#define REGISTER(tok, f) std::stop_callback(tok, f)

void macro(std::stop_token tok) {
  REGISTER(tok, [] { log_cancelled(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
}
