// Code in the middle of an edit: no crash, no warning.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20 -allow-compile-errors

#include <map>
#include <stop_token>

static std::map<int, std::stop_token> g_tokens;

void handle(int id, std::stop_token tok) {
  g_tokens.emplace(id, undeclared_token);
  g_tokens[missing] = tok;
  g_undeclared.push_back(tok);
  g_tokens.emplace(id,
}
