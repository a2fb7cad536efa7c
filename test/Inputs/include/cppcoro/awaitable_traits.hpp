// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/awaitable_traits.hpp
//   (get_awaiter is upstream in include/cppcoro/detail/get_awaiter.hpp)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Upstream includes <experimental/coroutine>; this stand-in uses the C++20
// <coroutine> header (as the maintained forks do) and requires -std=c++20.

#ifndef CPPCORO_AWAITABLE_TRAITS_HPP_INCLUDED
#define CPPCORO_AWAITABLE_TRAITS_HPP_INCLUDED

#if !(defined(__cpp_impl_coroutine) && __has_include(<coroutine>))
#error "cppcoro stand-in: coroutine headers need C++20 coroutines (-std=c++20)"
#else

#include <coroutine>
#include <type_traits>
#include <utility>

namespace cppcoro
{
	namespace detail
	{
		// Returns the awaiter for an awaitable: the result of a member or free
		// operator co_await if there is one, otherwise the object itself.
		template<typename T>
		decltype(auto) get_awaiter(T&& value) noexcept
		{
			if constexpr (requires { static_cast<T&&>(value).operator co_await(); })
				return static_cast<T&&>(value).operator co_await();
			else if constexpr (requires { operator co_await(static_cast<T&&>(value)); })
				return operator co_await(static_cast<T&&>(value));
			else if constexpr (requires { value.await_ready(); })
				return static_cast<T&&>(value);
		}
	}

	template<typename T, typename = void>
	struct awaitable_traits
	{};

	template<typename T>
	struct awaitable_traits<T, std::void_t<decltype(cppcoro::detail::get_awaiter(std::declval<T>()).await_resume())>>
	{
		using awaiter_t = decltype(cppcoro::detail::get_awaiter(std::declval<T>()));

		using await_result_t = decltype(std::declval<awaiter_t>().await_resume());
	};
}

#endif // C++20 coroutines

#endif
