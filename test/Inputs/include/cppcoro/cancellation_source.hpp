// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/cancellation_source.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// As upstream, this header only forward-declares cancellation_token; include
// <cppcoro/cancellation_token.hpp> to use the result of token().

#ifndef CPPCORO_CANCELLATION_SOURCE_HPP_INCLUDED
#define CPPCORO_CANCELLATION_SOURCE_HPP_INCLUDED

namespace cppcoro
{
	class cancellation_token;

	namespace detail
	{
		class cancellation_state;
	}

	class cancellation_source
	{
	public:
		cancellation_source();
		cancellation_source(const cancellation_source& other) noexcept;
		cancellation_source(cancellation_source&& other) noexcept;
		~cancellation_source();

		cancellation_source& operator=(const cancellation_source& other) noexcept;
		cancellation_source& operator=(cancellation_source&& other) noexcept;

		bool can_be_cancelled() const noexcept;

		cancellation_token token() const noexcept;

		void request_cancellation();

		bool is_cancellation_requested() const noexcept;

	private:
		detail::cancellation_state* m_state;
	};
}

#endif
