// A source passed by const reference to a function whose body keeps a copy
// of it (captures it by copy in a callback it registers, copies it into an
// object) is handed off, as if passed by value: the copy shares the stop
// state, and whoever holds it owes the cancel. The shape of cpprestsdk's
// when_all, which joins the merged source to every input token.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <stop_token>
#include <vector>

void run(std::stop_token tok);
void on_cancel(std::stop_token parent, std::function<void()> callback);
bool fail();

void join_to(const std::stop_source &merged, std::stop_token parent) {
  on_cancel(parent, [=] { merged.request_stop(); });
}

struct Registry {
  std::vector<std::stop_source> sources;
};

void remember(Registry &r, const std::stop_source &src) {
  std::stop_source copy = src;
  r.sources.push_back(copy);
}

void merged_with(std::stop_token parent) {
  std::stop_source merged;
  run(merged.get_token());
  join_to(merged, parent);
  if (fail())
    return;
}

void kept_by_registry(Registry &r) {
  std::stop_source src;
  run(src.get_token());
  remember(r, src);
}
