// A stop callback expression whose value is not thrown away at the end of a
// statement: in an unevaluated operand, an argument that lives for the
// call it is given to, a registration made by a helper lambda and kept. No
// warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stop_token>
#include <type_traits>

struct Wake {
  void operator()() noexcept;
};

void while_registered(const std::stop_callback<Wake> &cb);

void unevaluated(std::stop_token tok) {
  (void)sizeof(std::stop_callback(tok, Wake{}));
  using Callback = decltype(std::stop_callback(tok, Wake{}));
  static_assert(!std::is_move_constructible_v<Callback>);
  (void)noexcept(std::stop_callback(tok, Wake{}));
}

void for_the_length_of_a_call(std::stop_token tok) {
  while_registered(std::stop_callback(tok, Wake{}));
}

void made_by_a_helper(std::stop_source &src) {
  auto watch = [&] { return std::stop_callback(src.get_token(), Wake{}); };
  auto cb = watch();
  src.request_stop();
}
