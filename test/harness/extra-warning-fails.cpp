// A warning that no CHECK-MESSAGES line expects fails the test, even when
// the expected ones are all there.
// RUN: not %check_ctx_selftest %s selftest-broken-fix %t 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] diagnostics do not match CHECK-{{MESSAGES}}:
// RUNNER-NEXT: error: IMPLICIT-CHECK-NOT: excluded string found in input

void selftest_target();
void caller() {
  selftest_target();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to selftest_target [selftest-broken-fix]
  selftest_target();
}
