// The incident in C++: a handler files its token in a global map "for audit
// logging" and nothing ever takes it out.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>
#include <string>

static std::map<std::string, std::stop_token> g_audit_tokens;

void audit_later(const std::string &request_id, std::stop_token tok) {
  g_audit_tokens.emplace(request_id, tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: request token is stored in static container 'g_audit_tokens' and never removed [ctx-static-storage]
  // CHECK-MESSAGES: :[[@LINE-5]]:47: note: 'g_audit_tokens' declared here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: erase the entry when this scope ends
  // CHECK-FIXES: g_audit_tokens.emplace(request_id, tok);
  // CHECK-FIXES-NEXT: auto cancelRegistrationFn = [&] { g_audit_tokens.erase(request_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
}
