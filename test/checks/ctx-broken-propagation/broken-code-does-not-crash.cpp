// Code with errors, as an editor sees it mid-keystroke: no crash, and no
// warning built on a guess. Where clang recovers (a misspelt type it
// corrects), the warning is as true as in finished code.
// RUN: %check_ctx %s ctx-broken-propagation %t -allow-compile-errors -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok = {});

void undeclared_callee(std::stop_token st) {
  fetch_all(1);
}

void wrong_arity(std::stop_token st) {
  fetch();
}

void misspelt_token_type(std::stop_tokn st) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'fetch' leaves out token 'tok', whose default is never cancelled; cancelling 'st' does not reach it [ctx-broken-propagation]
}

void undeclared_argument(std::stop_token st) {
  fetch(1, std::stop_token{missing});
}

void unbalanced(std::stop_token st) {
  fetch(1, std::stop_token{}
}
