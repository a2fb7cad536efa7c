// CHECK-MESSAGES-DAG lines are expectations like any other: a file whose only
// expectations are -DAG lines still has its warnings checked against them.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20
// RUN: not %check_ctx %s ctx-temporary-callback %t -std=c++20 -check-suffix=WRONG 2>&1 | FileCheck %s --check-prefix=RUNNER
// RUNNER: [c++20] diagnostics do not match CHECK-{{MESSAGES}}:
// RUNNER-NEXT: error: CHECK-{{MESSAGES}}-WRONG-DAG: expected string not found in input

#include <stop_token>

void caller(std::stop_token a, std::stop_token b) {
  std::stop_callback(a, [] {}); std::stop_callback(b, [] {});
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:33: warning: temporary 'std::stop_callback'
  // CHECK-MESSAGES-DAG: :[[@LINE-2]]:3: warning: temporary 'std::stop_callback'
  // CHECK-MESSAGES-WRONG-DAG: :[[@LINE-3]]:4: warning: temporary 'std::stop_callback'
  // CHECK-FIXES: std::stop_callback stopCallback(a, [] {}); std::stop_callback stopCallback2(b, [] {});
}
