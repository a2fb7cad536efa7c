// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/Function.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Only the plain `Function<R(Args...)>` form is declared (no `const` or
// `noexcept` signatures). Move-only, like upstream.

#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace folly {

template <typename FunctionType>
class Function;

namespace detail {
namespace function {
template <typename T>
inline constexpr bool is_instantiation_of_folly_function_v = false;
template <typename S>
inline constexpr bool is_instantiation_of_folly_function_v<Function<S>> =
    true;
} // namespace function
} // namespace detail

template <typename ReturnType, typename... Args>
class Function<ReturnType(Args...)> {
  struct Base {
    virtual ~Base() = default;
    virtual ReturnType call(Args&&... args) = 0;
  };
  template <typename Fun>
  struct Impl final : Base {
    explicit Impl(Fun&& f) : fun(static_cast<Fun&&>(f)) {}
    ReturnType call(Args&&... args) override {
      return static_cast<ReturnType>(
          std::invoke(fun, static_cast<Args&&>(args)...));
    }
    Fun fun;
  };

  std::unique_ptr<Base> impl_;

 public:
  constexpr Function() = default;
  Function(const Function&) = delete;
  Function(Function&& that) noexcept = default;
  /* implicit */ constexpr Function(std::nullptr_t) noexcept {}

  template <
      typename Fun,
      typename = std::enable_if_t<
          !detail::function::is_instantiation_of_folly_function_v<Fun>>,
      typename = std::enable_if_t<
          std::is_invocable_r_v<ReturnType, Fun&, Args...>>>
  /* implicit */ Function(Fun fun)
      : impl_(new Impl<Fun>(static_cast<Fun&&>(fun))) {}

  ~Function() = default;

  Function& operator=(const Function&) = delete;
  Function& operator=(Function&& that) noexcept = default;
  Function& operator=(std::nullptr_t) noexcept {
    impl_.reset();
    return *this;
  }

  ReturnType operator()(Args... args) {
    return impl_->call(static_cast<Args&&>(args)...);
  }

  explicit operator bool() const noexcept { return impl_ != nullptr; }

  void swap(Function& that) noexcept { impl_.swap(that.impl_); }
};

} // namespace folly
