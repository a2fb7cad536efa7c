// Test stand-in for libunifex (https://github.com/facebookexperimental/libunifex).
// Checked against: main at commit c6e5af988fd2b7c63fea1745b09c4cab04cc59be
// (2026-05-07; 178 commits after tag v0.4.0).
// Upstream path: include/unifex/sync_wait.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// unifex::sync_wait is a function object; for a sender with a single value
// completion it returns std::optional of that value (unifex::unit for no
// values, std::tuple for several), as upstream. The body is a placeholder;
// the pipeable sync_wait() overload and sync_wait_r are not declared.

#pragma once

#include <unifex/sender_concepts.hpp>
#include <unifex/type_traits.hpp>

#include <optional>
#include <utility>

namespace unifex {
namespace _sync_wait_cpo {

class _fn {
 public:
  template <typename Sender>
  auto operator()(Sender&& sender) const
      -> std::optional<sender_single_value_result_t<remove_cvref_t<Sender>>> {
    (void)sender;
    return std::nullopt;
  }
};

}  // namespace _sync_wait_cpo

inline constexpr _sync_wait_cpo::_fn sync_wait{};

}  // namespace unifex
