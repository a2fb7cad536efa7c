// Test stand-in for cppcoro (https://github.com/lewissbaker/cppcoro).
// Checked against: master at commit 391215262bd40d68ac6534810164131f5f9eb148
// (2022-09-03; the repository has no release tags).
// Upstream path: include/cppcoro/task.hpp
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Declares task<T> (lazy; awaitable by lvalue and rvalue; is_ready(),
// when_ready()) and make_task(). The awaiter for an rvalue task<T> returns T
// for arithmetic/pointer T and T&& otherwise, as upstream. Coroutine bodies
// are never run. C++20 coroutines required (see awaitable_traits.hpp).

#ifndef CPPCORO_TASK_HPP_INCLUDED
#define CPPCORO_TASK_HPP_INCLUDED

#if !(defined(__cpp_impl_coroutine) && __has_include(<coroutine>))
#error "cppcoro stand-in: coroutine headers need C++20 coroutines (-std=c++20)"
#else

#include <cppcoro/awaitable_traits.hpp>

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace cppcoro
{
	template<typename T> class task;

	namespace detail
	{
		class task_promise_base
		{
		public:
			std::suspend_always initial_suspend() noexcept { return {}; }
			std::suspend_always final_suspend() noexcept { return {}; }
			void unhandled_exception() noexcept {}
		};

		template<typename T>
		class task_promise final : public task_promise_base
		{
		public:
			task<T> get_return_object() noexcept;

			template<
				typename VALUE,
				typename = std::enable_if_t<std::is_convertible_v<VALUE&&, T>>>
			void return_value(VALUE&& value)
				noexcept(std::is_nothrow_constructible_v<T, VALUE&&>)
			{
				m_value.emplace(static_cast<VALUE&&>(value));
			}

			using rvalue_type = std::conditional_t<
				std::is_arithmetic_v<T> || std::is_pointer_v<T>, T, T&&>;

			T& result() & { return *m_value; }
			rvalue_type result() && { return static_cast<rvalue_type>(*m_value); }

		private:
			std::optional<T> m_value;
		};

		template<>
		class task_promise<void> final : public task_promise_base
		{
		public:
			task<void> get_return_object() noexcept;
			void return_void() noexcept {}
			void result() {}
		};

		template<typename T>
		class task_promise<T&> final : public task_promise_base
		{
		public:
			task<T&> get_return_object() noexcept;
			void return_value(T& value) noexcept { m_value = &value; }
			T& result() { return *m_value; }

		private:
			T* m_value = nullptr;
		};

		// Awaiter used for all three awaitable forms of task<T>.
		// Kind 0: lvalue co_await, 1: rvalue co_await, 2: when_ready().
		template<typename PROMISE, int Kind>
		struct task_awaiter
		{
			std::coroutine_handle<PROMISE> handle;

			bool await_ready() const noexcept { return !handle || handle.done(); }

			std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept
			{
				return handle;
			}

			decltype(auto) await_resume()
			{
				if constexpr (Kind == 0)
					return handle.promise().result();
				else if constexpr (Kind == 1)
					return std::move(handle.promise()).result();
			}
		};

		template<typename T>
		using remove_rvalue_reference_t = std::conditional_t<
			std::is_rvalue_reference_v<T>, std::remove_reference_t<T>, T>;
	}

	template<typename T = void>
	class [[nodiscard]] task
	{
	public:
		using promise_type = detail::task_promise<T>;
		using value_type = T;

		task() noexcept = default;
		explicit task(std::coroutine_handle<promise_type> coroutine) : m_coroutine(coroutine) {}
		task(task&& t) noexcept : m_coroutine(std::exchange(t.m_coroutine, {})) {}
		task(const task&) = delete;
		~task() = default;

		task& operator=(task&& other) noexcept
		{
			std::swap(m_coroutine, other.m_coroutine);
			return *this;
		}
		task& operator=(const task&) = delete;

		bool is_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }

		auto operator co_await() const & noexcept
		{
			return detail::task_awaiter<promise_type, 0>{ m_coroutine };
		}

		auto operator co_await() const && noexcept
		{
			return detail::task_awaiter<promise_type, 1>{ m_coroutine };
		}

		auto when_ready() const noexcept
		{
			return detail::task_awaiter<promise_type, 2>{ m_coroutine };
		}

	private:
		std::coroutine_handle<promise_type> m_coroutine = nullptr;
	};

	template<typename T>
	inline task<T> detail::task_promise<T>::get_return_object() noexcept
	{
		return task<T>{ std::coroutine_handle<task_promise<T>>::from_promise(*this) };
	}

	inline task<void> detail::task_promise<void>::get_return_object() noexcept
	{
		return task<void>{ std::coroutine_handle<task_promise<void>>::from_promise(*this) };
	}

	template<typename T>
	inline task<T&> detail::task_promise<T&>::get_return_object() noexcept
	{
		return task<T&>{ std::coroutine_handle<task_promise<T&>>::from_promise(*this) };
	}

	template<typename AWAITABLE>
	auto make_task(AWAITABLE awaitable)
		-> task<detail::remove_rvalue_reference_t<typename awaitable_traits<AWAITABLE>::await_result_t>>
	{
		co_return co_await static_cast<AWAITABLE&&>(awaitable);
	}
}

#endif // C++20 coroutines

#endif
