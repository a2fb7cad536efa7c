// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

// Registrations returned by a function and kept, or references to a
// registration somebody else keeps: no warning.

#include <functional>
#include <memory>
#include <stop_token>

struct Conn {
  void close();
};

using Callback = std::stop_callback<std::function<void()>>;

Callback close_on_stop(std::stop_token tok, Conn &c);
Callback &current_callback();
const Callback *find_callback(int id);
std::unique_ptr<Callback> make_callback(std::stop_token tok);
void keep(const Callback &cb);

void kept_in_variable(std::stop_token tok, Conn &c) {
  auto cb = close_on_stop(tok, c);
  Callback cb2 = close_on_stop(tok, c);
  const Callback &cb3 = close_on_stop(tok, c);
  c.close();
}

Callback returned_on(std::stop_token tok, Conn &c) {
  return close_on_stop(tok, c);
}

void passed_on(std::stop_token tok, Conn &c) {
  keep(close_on_stop(tok, c));
}

void references_and_pointers() {
  current_callback();
  find_callback(1);
}

// Not a registration by itself: the pointer is what is returned (make_unique
// and make_shared are the only factories whose dropped pointer is reported).
void other_factory_pointer_kept(std::stop_token tok) {
  auto cb = make_callback(tok);
}
