// Code with errors, as an editor sees it mid-keystroke: no crash, and no
// warning built on a guess. Where clang recovers a complete temporary, the
// warning is as true as in finished code.
// RUN: %check_ctx %s ctx-temporary-callback %t -allow-compile-errors -std=c++20

#include <stop_token>

void undeclared_token() {
  std::stop_callback(tok, [] {});
}

void undeclared_callable(std::stop_token tok) {
  std::stop_callback(tok, not_declared_yet);
}

void wrong_arity(std::stop_token tok) {
  std::stop_callback(tok);
}

void unknown_type(std::stop_token tok) {
  std::stop_callbak(tok, [] {});
}

void unbalanced(std::stop_token tok) {
  std::stop_callback(tok, [] {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
}
