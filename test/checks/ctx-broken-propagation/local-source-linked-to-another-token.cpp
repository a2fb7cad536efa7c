// A stop callback that cancels the local source, registered on some other
// token, does not link it to the received one; nor does one registered only
// after the call, when the work has already started unlinked.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void fetch(int id, std::stop_token tok);
std::stop_token shutdownToken();

void otherToken(std::stop_token tok) {
  std::stop_source src;
  std::stop_callback onShutdown(shutdownToken(), [&src] { src.request_stop(); });
  fetch(1, src.get_token());
  // CHECK-MESSAGES: :[[@LINE-3]]:20: warning: the token of cancel source 'src' is given to 'fetch', but cancelling token 'tok' does not reach 'src' [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: the token is passed here; link 'src' to 'tok' with a stop callback that cancels it
  // CHECK-MESSAGES: :[[@LINE-6]]:33: note: token 'tok' is received here
  (void)tok;
}

void linkedTooLate(std::stop_token tok) {
  std::stop_source src;
  fetch(2, src.get_token());
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: the token of cancel source 'src' is given to 'fetch', but cancelling token 'tok' does not reach 'src' [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: the token is passed here; link 'src' to 'tok' with a stop callback that cancels it
  // CHECK-MESSAGES: :[[@LINE-5]]:36: note: token 'tok' is received here
  std::stop_callback link(tok, [&src] { src.request_stop(); });
}
