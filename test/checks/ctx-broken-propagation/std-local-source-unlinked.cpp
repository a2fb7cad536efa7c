// A local stop source whose token goes to the callee while nothing links it
// to the received token: cancelling the request does not reach the work.
// The note's fix writes the link right after the source's declaration.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20 -fix-notes

#include <stop_token>

bool fetch(int id, std::stop_token tok);

bool handle(int id, std::stop_token tok) {
  std::stop_source src;
  // CHECK-FIXES: std::stop_source src;
  // CHECK-FIXES-NEXT: std::stop_callback link_tok(tok, [&src] { src.request_stop(); });
  bool ok = fetch(id, src.get_token());
  // CHECK-MESSAGES: :[[@LINE-4]]:20: warning: the token of cancel source 'src' is given to 'fetch', but cancelling token 'tok' does not reach 'src' [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: the token is passed here; link 'src' to 'tok' with a stop callback that cancels it
  // CHECK-MESSAGES: :[[@LINE-7]]:37: note: token 'tok' is received here
  if (!ok)
    src.request_stop();
  return ok;
}

bool throughLocal(int id, std::stop_token tok) {
  std::stop_source own;
  // CHECK-FIXES: std::stop_source own;
  // CHECK-FIXES-NEXT: std::stop_callback link_tok(tok, [&own] { own.request_stop(); });
  std::stop_token child = own.get_token();
  bool a = fetch(id, child);
  // CHECK-MESSAGES: :[[@LINE-5]]:20: warning: the token of cancel source 'own' is given to 'fetch', but cancelling token 'tok' does not reach 'own' [ctx-broken-propagation]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: the token is passed here; link 'own' to 'tok' with a stop callback that cancels it
  // CHECK-MESSAGES: :[[@LINE-8]]:43: note: token 'tok' is received here
  bool b = fetch(id + 1, child); // one warning per source
  return a && b;
}
