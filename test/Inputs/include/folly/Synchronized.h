// Stand-in for folly/Synchronized.h, for ctx-tidy's tests only.
//
// Declares the part of folly::Synchronized the tests use, with the names,
// namespaces and signatures of upstream folly v2024.06.03.00
// (folly/Synchronized.h): wlock/rlock/ulock, lock/contextualLock for
// exclusive mutexes, withWLock/withRLock/withLock, operator->, swap, exchange
// and copy. The locking itself is a plain std::shared_mutex; LockedPtr keeps
// the lock for its lifetime, like upstream's.
#pragma once

#include <mutex>
#include <shared_mutex>
#include <utility>

namespace folly {

using SharedMutex = std::shared_mutex;

template <class SynchronizedType, class Datum, class Lock>
class LockedPtr {
public:
  LockedPtr(Datum *datum, Lock lock) : datum_(datum), lock_(std::move(lock)) {}
  LockedPtr(LockedPtr &&) = default;
  LockedPtr &operator=(LockedPtr &&) = default;
  Datum *operator->() const { return datum_; }
  Datum &operator*() const { return *datum_; }
  bool isNull() const { return datum_ == nullptr; }
  void unlock() {
    lock_.unlock();
    datum_ = nullptr;
  }

private:
  Datum *datum_;
  Lock lock_;
};

template <class T, class Mutex = SharedMutex>
struct Synchronized {
  using DataType = T;
  using MutexType = Mutex;
  using LockedPtr =
      ::folly::LockedPtr<Synchronized, T, std::unique_lock<Mutex>>;
  using ConstLockedPtr =
      ::folly::LockedPtr<const Synchronized, const T, std::shared_lock<Mutex>>;
  using UpgradeLockedPtr = LockedPtr;

  Synchronized() = default;
  explicit Synchronized(const T &rhs) : datum_(rhs) {}
  explicit Synchronized(T &&rhs) : datum_(std::move(rhs)) {}
  Synchronized(const Synchronized &) = delete;
  Synchronized &operator=(const Synchronized &) = delete;

  Synchronized &operator=(const T &rhs) {
    *wlock() = rhs;
    return *this;
  }
  Synchronized &operator=(T &&rhs) {
    *wlock() = std::move(rhs);
    return *this;
  }

  LockedPtr wlock() { return LockedPtr(&datum_, std::unique_lock<Mutex>(mutex_)); }
  ConstLockedPtr rlock() const {
    return ConstLockedPtr(&datum_, std::shared_lock<Mutex>(mutex_));
  }
  UpgradeLockedPtr ulock() { return wlock(); }
  LockedPtr lock() { return wlock(); }
  LockedPtr contextualLock() { return wlock(); }
  ConstLockedPtr contextualLock() const { return rlock(); }
  ConstLockedPtr contextualRLock() const { return rlock(); }

  LockedPtr operator->() { return wlock(); }
  ConstLockedPtr operator->() const { return rlock(); }

  template <class Function>
  auto withWLock(Function &&function) {
    return function(*wlock());
  }
  template <class Function>
  auto withRLock(Function &&function) const {
    return function(*rlock());
  }
  template <class Function>
  auto withLock(Function &&function) {
    return function(*lock());
  }
  template <class Function>
  auto withWLockPtr(Function &&function) {
    return function(wlock());
  }

  void swap(Synchronized &rhs) {
    if (this == &rhs)
      return;
    auto mine = wlock();
    auto theirs = rhs.wlock();
    std::swap(*mine, *theirs);
  }
  void swap(T &rhs) {
    auto mine = wlock();
    std::swap(*mine, rhs);
  }
  T exchange(T &&rhs) {
    auto mine = wlock();
    T old = std::move(*mine);
    *mine = std::move(rhs);
    return old;
  }
  T copy() const { return *rlock(); }

private:
  T datum_{};
  mutable Mutex mutex_;
};

template <class T, class M>
void swap(Synchronized<T, M> &lhs, Synchronized<T, M> &rhs) {
  lhs.swap(rhs);
}

} // namespace folly
