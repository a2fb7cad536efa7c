// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

// Every statement position is looked at, not only the first one a statement
// has: the statement after each case label, both branches of an if, the
// statement under an attribute or a goto label.

#include <stop_token>

void on_stop();
void on_other_stop();

void after_case_label(std::stop_token tok, int mode) {
  switch (mode) {
  case 1:
    std::stop_callback(tok, [] { on_stop(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
    break;
  case 2:
  case 3:
    std::stop_callback(tok, [] { on_other_stop(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
    break;
  default:
    std::stop_callback(tok, [] { on_stop(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
    break;
  }
}

void both_branches(std::stop_token tok, bool fast) {
  if (fast)
    std::stop_callback(tok, [] { on_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  else
    std::stop_callback(tok, [] { on_other_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}

void else_if_chain(std::stop_token tok, int level) {
  if (level == 0)
    on_stop();
  else if (level == 1)
    std::stop_callback(tok, [] { on_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
  else
    std::stop_callback(tok, [] { on_other_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
}

void under_attribute_and_label(std::stop_token tok, bool likely) {
  if (likely) [[likely]]
    std::stop_callback(tok, [] { on_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'std::stop_callback'
again:
  std::stop_callback(tok, [] { on_other_stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback'
  if (!likely)
    goto again;
}
