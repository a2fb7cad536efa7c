// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/sync_wait.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// C++20 coroutines required (see awaitable_traits.hpp).

#ifndef CPPCORO_SYNC_WAIT_HPP_INCLUDED
#define CPPCORO_SYNC_WAIT_HPP_INCLUDED

#if !(defined(__cpp_impl_coroutine) && __has_include(<coroutine>))
#error "cppcoro stand-in: coroutine headers need C++20 coroutines (-std=c++20)"
#else

#include <cppcoro/awaitable_traits.hpp>

#include <exception>

namespace cppcoro
{
	// The body is a placeholder (stand-ins are only compiled, never run).
	template<typename AWAITABLE>
	auto sync_wait(AWAITABLE&& awaitable)
		-> typename cppcoro::awaitable_traits<AWAITABLE&&>::await_result_t
	{
		(void)awaitable;
		std::terminate();
	}
}

#endif // C++20 coroutines

#endif
