// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/coro/Task.h
//   (before v2026.05.04.00 also reachable as folly/experimental/coro/Task.h)
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Declares Task<T> / TaskWithExecutor<T> with the hidden friends
// co_withExecutor, co_viaIfAsync and co_withCancellation, scheduleOn() and
// semi(). Inside a Task, `co_await` goes through co_viaIfAsync (as upstream),
// so Task, SemiFuture and Future can be awaited, and co_current_executor /
// co_current_cancellation_token are supported. Coroutine bodies are never run.
// C++20-only (FOLLY_HAS_COROUTINES), as upstream.

#pragma once

#include <folly/CancellationToken.h>
#include <folly/Executor.h>
#include <folly/Portability.h>
#include <folly/ScopeGuard.h>
#include <folly/Unit.h>
#include <folly/coro/CurrentExecutor.h>
#include <folly/coro/WithCancellation.h>
#include <folly/futures/Future.h>

#if FOLLY_HAS_COROUTINES

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace folly {
namespace coro {

template <typename T = void>
class Task;

template <typename T = void>
class TaskWithExecutor;

namespace detail {

template <typename T>
struct ReadyAwaiter {
  T value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() noexcept { return static_cast<T>(value); }
};

class TaskPromiseBase {
 public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}

  template <typename Awaitable>
  decltype(auto) await_transform(Awaitable&& awaitable) {
    if constexpr (requires {
                    co_viaIfAsync(
                        executor_, static_cast<Awaitable&&>(awaitable));
                  }) {
      return co_viaIfAsync(executor_, static_cast<Awaitable&&>(awaitable));
    } else {
      return static_cast<Awaitable&&>(awaitable);
    }
  }

  ReadyAwaiter<const CancellationToken&> await_transform(
      co_current_cancellation_token_t) noexcept {
    return {cancelToken_};
  }

  ReadyAwaiter<Executor*> await_transform(co_current_executor_t) noexcept {
    return {executor_.get()};
  }

 protected:
  Executor::KeepAlive<> executor_;
  CancellationToken cancelToken_;
};

template <typename T>
class TaskPromise final : public TaskPromiseBase {
 public:
  Task<T> get_return_object() noexcept;

  template <typename U = T>
    requires std::is_convertible_v<U&&, T>
  void return_value(U&& value) {
    result_.emplace(static_cast<U&&>(value));
  }

  std::optional<T> result_;
};

template <>
class TaskPromise<void> final : public TaskPromiseBase {
 public:
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};

template <typename T>
class TaskAwaiter {
 public:
  explicit TaskAwaiter(std::coroutine_handle<TaskPromise<T>> coro) noexcept
      : coro_(coro) {}
  bool await_ready() noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
    return coro_;
  }
  T await_resume() {
    if constexpr (!std::is_void_v<T>) {
      return std::move(*coro_.promise().result_);
    }
  }

 private:
  std::coroutine_handle<TaskPromise<T>> coro_;
};

} // namespace detail

template <typename T>
class [[nodiscard]] TaskWithExecutor {
  using handle_t = std::coroutine_handle<detail::TaskPromise<T>>;

 public:
  using promise_type = detail::TaskPromise<T>;

  explicit TaskWithExecutor(handle_t coro) noexcept : coro_(coro) {}
  TaskWithExecutor(const TaskWithExecutor&) = delete;
  TaskWithExecutor(TaskWithExecutor&& t) noexcept
      : coro_(std::exchange(t.coro_, {})) {}
  ~TaskWithExecutor() = default;

  Executor* executor() const noexcept;

  SemiFuture<lift_unit_t<T>> start() &&;
  SemiFuture<lift_unit_t<T>> startInlineUnsafe() &&;

  friend detail::TaskAwaiter<T> co_viaIfAsync(
      Executor::KeepAlive<>, TaskWithExecutor&& t) noexcept {
    return detail::TaskAwaiter<T>{std::exchange(t.coro_, {})};
  }

  friend TaskWithExecutor co_withCancellation(
      folly::CancellationToken, TaskWithExecutor&& task) noexcept {
    return std::move(task);
  }

 private:
  handle_t coro_;
};

template <typename T>
class [[nodiscard]]
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::coro_await_elidable)
[[clang::coro_await_elidable]]
#endif
#endif
Task {
 public:
  using promise_type = detail::TaskPromise<T>;

 private:
  using handle_t = std::coroutine_handle<promise_type>;
  friend promise_type;
  explicit Task(handle_t coro) noexcept : coro_(coro) {}

 public:
  Task(const Task& t) = delete;
  Task(Task&& t) noexcept : coro_(std::exchange(t.coro_, {})) {}
  ~Task() = default;

  Task& operator=(Task t) noexcept {
    swap(t);
    return *this;
  }

  void swap(Task& t) noexcept { std::swap(coro_, t.coro_); }

  friend TaskWithExecutor<T> co_withExecutor(
      Executor::KeepAlive<> executor, Task task) noexcept {
    (void)executor;
    return TaskWithExecutor<T>{std::exchange(task.coro_, {})};
  }

  [[deprecated("Legacy form, prefer `co_withExecutor(exec, yourTask())`.")]]
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept {
    return co_withExecutor(std::move(executor), std::move(*this));
  }

  SemiFuture<folly::lift_unit_t<T>> semi() &&;

  friend detail::TaskAwaiter<T> co_viaIfAsync(
      Executor::KeepAlive<> executor, Task<T>&& t) noexcept {
    (void)executor;
    return detail::TaskAwaiter<T>{std::exchange(t.coro_, {})};
  }

  friend Task co_withCancellation(
      folly::CancellationToken cancelToken, Task&& task) noexcept {
    (void)cancelToken;
    return std::move(task);
  }

 private:
  handle_t coro_;
};

namespace detail {
template <typename T>
inline Task<T> TaskPromise<T>::get_return_object() noexcept {
  return Task<T>{
      std::coroutine_handle<TaskPromise<T>>::from_promise(*this)};
}
inline Task<void> TaskPromise<void>::get_return_object() noexcept {
  return Task<void>{
      std::coroutine_handle<TaskPromise<void>>::from_promise(*this)};
}
} // namespace detail

} // namespace coro
} // namespace folly

#endif // FOLLY_HAS_COROUTINES
