// The shape the fix-it hint produces: the entry is erased when the handler's
// scope ends.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>
#include <string>

#include <absl/cleanup/cleanup.h>

static std::map<std::string, std::stop_token> g_audit_tokens;

void audit_later(const std::string &request_id, std::stop_token tok) {
  g_audit_tokens.emplace(request_id, tok);
  absl::Cleanup forget = [&] { g_audit_tokens.erase(request_id); };
}
