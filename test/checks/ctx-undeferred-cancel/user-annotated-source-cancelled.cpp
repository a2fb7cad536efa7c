// A team's own cancel source, cancelled on every path.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++17,c++20

namespace orders {
class [[clang::annotate("ctx::token")]] Done {
public:
  bool fired() const;
};
class [[clang::annotate("ctx::cancel_source")]] RequestScope {
public:
  [[clang::annotate("ctx::get_token")]] Done done() const;
  [[clang::annotate("ctx::cancel")]] void cancel();
};
} // namespace orders

void fan_out(orders::Done d);
bool fail();

void annotated() {
  orders::RequestScope scope;
  fan_out(scope.done());
  if (fail()) {
    scope.cancel();
    return;
  }
  scope.cancel();
}
