// A container declared extern and also defined in this file, with no header
// declaring it, is this file's: tokens stored and never removed are reported.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

extern std::map<int, std::stop_token> g_tokens;
std::map<int, std::stop_token> g_tokens;

void track(int id, std::stop_token tok) { g_tokens[id] = tok; }
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}[ctx-static-storage]
