// cppcoro::cancellation_registration kept by its owner: a member, an
// optional emplaced in place, a unique_ptr. No warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20

#include <cppcoro/cancellation_registration.hpp>
#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/cancellation_token.hpp>
#include <memory>
#include <optional>
#include <utility>

void wake_reader();

struct Reader {
  cppcoro::cancellation_registration onCancel;
  explicit Reader(cppcoro::cancellation_token tok)
      : onCancel(std::move(tok), [] { wake_reader(); }) {}
};

struct LazyReader {
  std::optional<cppcoro::cancellation_registration> onCancel;
  void arm(cppcoro::cancellation_token tok) {
    onCancel.emplace(std::move(tok), [] { wake_reader(); });
  }
};

std::unique_ptr<cppcoro::cancellation_registration>
watch(cppcoro::cancellation_source &src) {
  auto reg = std::make_unique<cppcoro::cancellation_registration>(
      src.token(), [] { wake_reader(); });
  return reg;
}
