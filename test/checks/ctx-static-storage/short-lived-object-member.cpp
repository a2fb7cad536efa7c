// Members of short-lived objects and locals live no longer than the request.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>
#include <vector>

class RequestScope {
public:
  void add(int id, std::stop_token tok) { tokens_.emplace(id, tok); }
  void set_current(const std::stop_token *tok) { current_ = tok; }

private:
  std::map<int, std::stop_token> tokens_;
  const std::stop_token *current_ = nullptr;
};

void handle(int id, std::stop_token tok) {
  RequestScope scope;
  scope.add(id, tok);
  scope.set_current(&tok);
  std::vector<std::stop_token> local;
  local.push_back(tok);
}
