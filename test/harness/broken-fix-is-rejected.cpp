// The runner must fail a test whose fix-it does not compile, even when the
// diagnostics and the fixed text are exactly as the test expects.
// RUN: not %check_ctx_selftest %s selftest-broken-fix %t 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] the fixed file does not compile

void selftest_target();

void caller() {
  selftest_target();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to selftest_target [selftest-broken-fix]
  // CHECK-FIXES: (selftest_target();
}
