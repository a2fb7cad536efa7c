// A file with no CHECK-MESSAGES expects no warning at all.
// RUN: not %check_ctx_selftest %s selftest-broken-fix %t 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] expected no diagnostics, got:
// RUNNER-NEXT: {{.*}}:[[@LINE+4]]:3: warning: call to selftest_target [selftest-broken-fix]

void selftest_target();
void caller() {
  selftest_target();
}
