// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.08.17.00.
// Upstream path: folly/Executor.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// ExecutorKeepAlive keeps upstream's implicit conversion from `ExecutorT*`,
// so `folly::via(&pool, f)` and `co_withExecutor(&pool, task)` compile.

#pragma once

#include <folly/Function.h>

#include <climits>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace folly {

using Func = Function<void()>;

class Executor;

template <typename ExecutorT = Executor>
class ExecutorKeepAlive {
 public:
  using KeepAliveFunc = Function<void(ExecutorKeepAlive&&)>;

  ExecutorKeepAlive() = default;
  ~ExecutorKeepAlive() = default;

  ExecutorKeepAlive(ExecutorKeepAlive&& other) noexcept
      : executor_(std::exchange(other.executor_, nullptr)) {}
  ExecutorKeepAlive(const ExecutorKeepAlive& other) noexcept
      : executor_(other.executor_) {}

  template <
      typename OtherExecutor,
      typename = typename std::enable_if<
          std::is_convertible<OtherExecutor*, ExecutorT*>::value>::type>
  /* implicit */ ExecutorKeepAlive(
      ExecutorKeepAlive<OtherExecutor>&& other) noexcept
      : executor_(other.get()) {}

  template <
      typename OtherExecutor,
      typename = typename std::enable_if<
          std::is_convertible<OtherExecutor*, ExecutorT*>::value>::type>
  /* implicit */ ExecutorKeepAlive(
      const ExecutorKeepAlive<OtherExecutor>& other) noexcept
      : executor_(other.get()) {}

  /* implicit */ ExecutorKeepAlive(ExecutorT* executor) : executor_(executor) {}

  ExecutorKeepAlive& operator=(ExecutorKeepAlive&& other) noexcept {
    executor_ = std::exchange(other.executor_, nullptr);
    return *this;
  }
  ExecutorKeepAlive& operator=(ExecutorKeepAlive const& other) {
    executor_ = other.executor_;
    return *this;
  }

  void reset() noexcept { executor_ = nullptr; }
  explicit operator bool() const { return executor_ != nullptr; }
  ExecutorT* get() const { return executor_; }
  ExecutorT& operator*() const { return *get(); }
  ExecutorT* operator->() const { return get(); }
  ExecutorKeepAlive copy() const { return *this; }

  template <class KAF>
  void add(KAF&& f) && {
    static_assert(
        std::is_invocable<KAF, ExecutorKeepAlive&&>::value,
        "Parameter to add must be void(ExecutorKeepAlive&&)>");
    (void)f;
  }

 private:
  ExecutorT* executor_ = nullptr;
};

class Executor {
 public:
  virtual ~Executor() = default;

  virtual void add(Func) = 0;
  virtual void addWithPriority(Func, int8_t priority);
  virtual uint8_t getNumPriorities() const { return 1; }

  static constexpr int8_t LO_PRI = SCHAR_MIN;
  static constexpr int8_t MID_PRI = 0;
  static constexpr int8_t HI_PRI = SCHAR_MAX;

  template <typename ExecutorT = Executor>
  using KeepAlive = ExecutorKeepAlive<ExecutorT>;

  template <typename ExecutorT>
  static KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT* executor) {
    return KeepAlive<ExecutorT>(executor);
  }
  template <typename ExecutorT>
  static KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT& executor) {
    return KeepAlive<ExecutorT>(&executor);
  }

 protected:
  virtual bool keepAliveAcquire() noexcept;
  virtual void keepAliveRelease() noexcept;
};

template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT* executor) {
  return Executor::getKeepAliveToken(executor);
}
template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(ExecutorT& executor) {
  return Executor::getKeepAliveToken(&executor);
}
template <typename ExecutorT>
Executor::KeepAlive<ExecutorT> getKeepAliveToken(
    Executor::KeepAlive<ExecutorT>& ka) {
  return ka.copy();
}

} // namespace folly
