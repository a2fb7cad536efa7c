// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/util/optimized_optional.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// The OptimizableOptional concept, the fmt formatter and operator<< are not
// declared.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <concepts>
#include <optional>
#include <type_traits>
#include <utility>

namespace seastar {

// Holds a T whose default-constructed state means "empty"; bool(T) tells
// whether it holds a value. Upstream defines a concept OptimizableOptional
// for such a T but does not constrain the template with it.
template<typename T>
class optimized_optional {
    T _object;
public:
    optimized_optional() = default;
    optimized_optional(std::nullopt_t) noexcept {}
    optimized_optional(const T& obj) : _object(obj) {}
    optimized_optional(T&& obj) noexcept : _object(std::move(obj)) {}
    optimized_optional(std::optional<T>&& obj) noexcept;
    optimized_optional(const optimized_optional&) = default;
    optimized_optional(optimized_optional&&) = default;

    optimized_optional& operator=(std::nullopt_t) noexcept;
    template<typename U>
    requires std::same_as<std::decay_t<U>, T>
    optimized_optional& operator=(U&& obj) noexcept;
    optimized_optional& operator=(const optimized_optional&) = default;
    optimized_optional& operator=(optimized_optional&&) = default;

    explicit operator bool() const noexcept { return static_cast<bool>(_object); }

    T* operator->() noexcept { return &_object; }
    const T* operator->() const noexcept { return &_object; }
    T& operator*() noexcept { return _object; }
    const T& operator*() const noexcept { return _object; }

    bool operator==(const optimized_optional& other) const;
    bool operator!=(const optimized_optional& other) const;
};

} // namespace seastar

#endif // C++20
