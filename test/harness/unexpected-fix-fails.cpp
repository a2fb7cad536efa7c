// Fixes applied to a file with no CHECK-FIXES fail the test: such a file
// must come out unchanged.
// RUN: not %check_ctx %s ctx-temporary-callback %t 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] fixes were applied but the test has no CHECK-FIXES:
// RUNNER: +  std::stop_callback stopCallback(tok, [] {});

#include <stop_token>

void caller(std::stop_token tok) {
  std::stop_callback(tok, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}
