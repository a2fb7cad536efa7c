// Stand-in for folly/container/F14Map.h, for ctx-tidy's tests only.
//
// The four F14 maps of upstream folly v2024.06.03.00
// (folly/container/F14Map.h and F14Map-fwd.h) with their template
// parameters. Upstream's maps are a drop-in for std::unordered_map's API
// (insert, emplace, try_emplace, insert_or_assign, operator[], erase,
// extract-free clear, swap); the stand-in inherits that API from
// std::unordered_map instead of implementing F14's tables.
#pragma once

#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

namespace folly {
namespace f14 {
template <class T>
using DefaultHasher = std::hash<T>;
template <class T>
using DefaultKeyEqual = std::equal_to<T>;
template <class T>
using DefaultAlloc = std::allocator<T>;
} // namespace f14

namespace detail {
template <class Key, class Mapped, class Hasher, class KeyEqual, class Alloc>
class F14MapStandIn
    : public std::unordered_map<Key, Mapped, Hasher, KeyEqual, Alloc> {
  using Base = std::unordered_map<Key, Mapped, Hasher, KeyEqual, Alloc>;

public:
  using Base::Base;
  /// F14 extension: erases \p key and passes the removed entry to
  /// \p beforeDestroy first.
  template <class BeforeDestroy>
  std::size_t eraseInto(const Key &key, BeforeDestroy &&beforeDestroy) {
    auto it = this->find(key);
    if (it == this->end())
      return 0;
    beforeDestroy(std::move(const_cast<Key &>(it->first)),
                  std::move(it->second));
    this->erase(it);
    return 1;
  }
};
} // namespace detail

#define CTX_STANDIN_F14_MAP(Name)                                              \
  template <class Key, class Mapped,                                           \
            class Hasher = f14::DefaultHasher<Key>,                            \
            class KeyEqual = f14::DefaultKeyEqual<Key>,                        \
            class Alloc = f14::DefaultAlloc<std::pair<const Key, Mapped>>>     \
  class Name                                                                   \
      : public detail::F14MapStandIn<Key, Mapped, Hasher, KeyEqual, Alloc> {   \
    using Base = detail::F14MapStandIn<Key, Mapped, Hasher, KeyEqual, Alloc>;  \
                                                                               \
  public:                                                                      \
    using Base::Base;                                                          \
  };

CTX_STANDIN_F14_MAP(F14ValueMap)
CTX_STANDIN_F14_MAP(F14NodeMap)
CTX_STANDIN_F14_MAP(F14VectorMap)
CTX_STANDIN_F14_MAP(F14FastMap)

#undef CTX_STANDIN_F14_MAP

} // namespace folly
