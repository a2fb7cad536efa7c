// An expected warning that does not come fails the test.
// RUN: not %check_ctx %s ctx-temporary-callback %t 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] diagnostics do not match CHECK-{{MESSAGES}}:
// RUNNER-NEXT: error: CHECK-{{MESSAGES}}: expected string not found in input

#include <stop_token>

void caller(std::stop_token tok) {
  std::stop_callback named(tok, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
}
