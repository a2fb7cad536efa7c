// A source passed by const reference to a function whose body captures it by
// copy in a lambda that cancels it (a callback registered on another token)
// is handed off: the copy shares the stop state, and whoever runs the
// callback cancels it. The shape of cpprestsdk's when_all, which joins the
// merged source to every input token.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <stop_token>

void run(std::stop_token tok);
void on_cancel(std::stop_token parent, std::function<void()> callback);
bool fail();

void join_to(const std::stop_source &merged, std::stop_token parent) {
  on_cancel(parent, [=] { merged.request_stop(); });
}

void merged_with(std::stop_token parent) {
  std::stop_source merged;
  run(merged.get_token());
  join_to(merged, parent);
  if (fail())
    return;
}
