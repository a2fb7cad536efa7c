// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/future.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares future<T> (available/failed/get/wait/then/finally/
// handle_exception/discard_result/get_exception), futurize_t,
// make_ready_future and make_exception_future. Coroutine support
// (seastar/core/coroutine.hh) and promise<T> are not declared. Bodies of the
// templates are placeholders.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <concepts>
#include <exception>
#include <functional>
#include <source_location>
#include <type_traits>
#include <utility>

namespace seastar {

template <typename T = void>
class future;

template <typename T>
struct futurize {
    using type = future<T>;
};
template <typename T>
struct futurize<future<T>> {
    using type = future<T>;
};

template <typename T>
using futurize_t = typename futurize<T>::type;

namespace internal {
struct monostate {};

template <typename Func, typename... T>
struct future_result {
    using type = std::invoke_result_t<Func, T...>;
    using future_type = futurize_t<type>;
};
template <typename Func>
struct future_result<Func, void> {
    using type = std::invoke_result_t<Func>;
    using future_type = futurize_t<type>;
};

template <typename T>
using future_stored_type_t = std::conditional_t<std::is_void_v<T>, monostate, T>;
} // namespace internal

template <typename T>
class [[nodiscard]] future {
public:
    using value_type = internal::future_stored_type_t<T>;

    future(future&& x) noexcept;
    future(const future&) = delete;
    future& operator=(future&& x) noexcept;
    void operator=(const future&) = delete;
    ~future();

    value_type&& get();
    std::exception_ptr get_exception() noexcept;
    void wait() noexcept;
    bool available() const noexcept;
    bool failed() const noexcept;

    template <typename Func, typename Result = typename internal::future_result<Func, T>::future_type>
    requires std::invocable<Func, T>
                 || (std::same_as<void, T> && std::invocable<Func>)
    Result
    then(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    template <typename Func>
    future<T> finally(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    template <typename Func>
    future<T> handle_exception(Func&& func, std::source_location sl = std::source_location::current()) noexcept {
        (void)func;
        (void)sl;
        std::terminate();
    }

    future<> discard_result(std::source_location sl = std::source_location::current()) noexcept;

    bool operator==(const future&) const = delete;
};

template <typename T = void, typename... A>
future<T> make_ready_future(A&&... value) noexcept;

template <typename T = void>
future<T> make_exception_future(std::exception_ptr&& value) noexcept;

template <typename T = void, typename Exception>
future<T> make_exception_future(Exception&& ex) noexcept;

} // namespace seastar

#endif // C++20
