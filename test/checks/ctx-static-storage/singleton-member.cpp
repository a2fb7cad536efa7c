// A Meyers singleton is long-lived: its own methods storing into its members
// count, and the note says why the class lives long.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -fix-notes

#include <map>
#include <stop_token>
#include <string>

class AuditLog {
public:
  static AuditLog &instance() {
    static AuditLog log;
    return log;
  }

  void remember(const std::string &request_id, std::stop_token tok) {
    pending_[request_id] = tok;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: request token is stored in 'AuditLog::pending_', a member of long-lived 'AuditLog', and never removed [ctx-static-storage]
    // CHECK-MESSAGES: :[[@LINE+7]]:42: note: 'AuditLog::pending_' declared here
    // CHECK-MESSAGES: :[[@LINE-8]]:21: note: 'AuditLog' is long-lived: 'log' has static storage
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: erase the entry when this scope ends
    // CHECK-FIXES: auto cancelRegistrationFn = [&] { pending_.erase(request_id); }; struct CancelRegistration { decltype(cancelRegistrationFn) &Run; ~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};
  }

private:
  std::map<std::string, std::stop_token> pending_;
};

void handle(const std::string &id, std::stop_token tok) {
  AuditLog::instance().remember(id, tok);
}
