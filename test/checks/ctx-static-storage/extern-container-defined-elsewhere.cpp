// A container only declared here (extern, defined in another translation
// unit) may be pruned where it is defined: no finding.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>

extern std::map<int, std::stop_token> g_tokens;

void track(int id, std::stop_token tok) { g_tokens[id] = tok; }
