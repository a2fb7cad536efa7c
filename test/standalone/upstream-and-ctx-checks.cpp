// The standalone ctx-tidy runs upstream clang-tidy checks and the ctx checks
// together, with no -load: a ctx warning and upstream warnings in one run,
// the fixes of both applied, and the fixed file compiling.
// REQUIRES: ctx-tidy-standalone
// RUN: %check_ctx_standalone %s ctx-temporary-callback,bugprone-use-after-move,modernize-use-nullptr %t -std=c++20
//
// Every upstream module is in, the static analyser's included.
// RUN: %ctx_tidy_standalone -list-checks -checks='*' | FileCheck %s --check-prefix=LIST
// LIST-DAG: ctx-temporary-callback
// LIST-DAG: bugprone-use-after-move
// LIST-DAG: clang-analyzer-core.NullDereference
// LIST-DAG: modernize-use-nullptr
// LIST-DAG: readability-identifier-naming

#include <stop_token>
#include <string>
#include <utility>
#include <vector>

struct Order {
  std::string id;
};

void abort_upstream_read();
void submit(Order order);
void audit(const Order *order);

void handle(std::stop_token shutdown, Order order) {
  std::stop_callback(shutdown, [] { abort_upstream_read(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback stopCallback(shutdown, [] { abort_upstream_read(); });
  submit(std::move(order));
  audit(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: use nullptr [modernize-use-nullptr]
  // CHECK-FIXES: audit(nullptr);
  if (order.id.empty())
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'order' used after it was moved [bugprone-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-6]]:10: note: move occurred here
    return;
}
