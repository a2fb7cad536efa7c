// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/cancellation_token.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.

#ifndef CPPCORO_CANCELLATION_TOKEN_HPP_INCLUDED
#define CPPCORO_CANCELLATION_TOKEN_HPP_INCLUDED

namespace cppcoro
{
	class cancellation_source;
	class cancellation_registration;

	namespace detail
	{
		class cancellation_state;
	}

	class cancellation_token
	{
	public:
		cancellation_token() noexcept;
		cancellation_token(const cancellation_token& other) noexcept;
		cancellation_token(cancellation_token&& other) noexcept;
		~cancellation_token();

		cancellation_token& operator=(const cancellation_token& other) noexcept;
		cancellation_token& operator=(cancellation_token&& other) noexcept;

		void swap(cancellation_token& other) noexcept;

		bool can_be_cancelled() const noexcept;
		bool is_cancellation_requested() const noexcept;

		/// Throws cppcoro::operation_cancelled if cancellation was requested.
		void throw_if_cancellation_requested() const;

	private:
		friend class cancellation_source;
		friend class cancellation_registration;

		cancellation_token(detail::cancellation_state* state) noexcept;

		detail::cancellation_state* m_state;
	};

	inline void swap(cancellation_token& a, cancellation_token& b) noexcept
	{
		a.swap(b);
	}
}

#endif
