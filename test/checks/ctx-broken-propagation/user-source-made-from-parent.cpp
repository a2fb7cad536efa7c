// A user cancel source constructed from the received token is linked by its
// constructor; only a default-constructed source starts with no parent.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++17,c++20 -config="{CheckOptions: {TokenTypes: 'jobs::Token', CancelSourceTypes: 'jobs::Scope', TokenMethods: 'jobs::Scope::token', CancelMethods: 'jobs::Scope::cancel'}}"

namespace jobs {
class Token {
public:
  bool cancelled() const;
};
class Scope {
public:
  Scope();
  explicit Scope(const Token &parent);
  Token token() const;
  void cancel();
};
void run(int id, const Token &tok);
} // namespace jobs

void handle(jobs::Token tok) {
  jobs::Scope scope(tok);
  jobs::run(1, scope.token());
  scope.cancel();
}
