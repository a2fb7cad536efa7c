// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/operation_cancelled.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#ifndef CPPCORO_OPERATION_CANCELLED_HPP_INCLUDED
#define CPPCORO_OPERATION_CANCELLED_HPP_INCLUDED

#include <exception>

namespace cppcoro
{
	class operation_cancelled : public std::exception
	{
	public:
		operation_cancelled() noexcept : std::exception() {}

		const char* what() const noexcept override { return "operation cancelled"; }
	};
}

#endif
