// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/abort_source.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// abort_source is movable and not copyable (it has a virtual destructor and
// defaulted move operations, as upstream). subscribe() is [[nodiscard]] and,
// as upstream, only accepts callbacks that are *noexcept*-invocable either as
// void() or as void(const std::optional<std::exception_ptr>&); it returns
// optimized_optional<abort_source::subscription>, which unsubscribes when
// destroyed. Upstream's subscription is a boost::intrusive list hook; that
// base is not modelled here.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/util/noncopyable_function.hh>
#include <seastar/util/optimized_optional.hh>

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace seastar {

class abort_requested_exception : public std::exception {
public:
    virtual const char* what() const noexcept override { return "abort requested"; }
};

class abort_source {
    using subscription_callback_type = noncopyable_function<void (const std::optional<std::exception_ptr>&) noexcept>;
    using naive_subscription_callback_type = noncopyable_function<void() noexcept>;

public:
    class subscription {
        friend class abort_source;

        subscription_callback_type _target;
        bool _aborted = false;

    public:
        void on_abort(const std::optional<std::exception_ptr>& ex) noexcept;

        subscription() = default;
        subscription(subscription&& other) noexcept;
        subscription& operator=(subscription&& other) noexcept;
        ~subscription();

        // True while still registered with the abort_source.
        explicit operator bool() const noexcept;
    };

private:
    std::exception_ptr _ex;

public:
    abort_source() = default;
    virtual ~abort_source() = default;

    abort_source(abort_source&&) = default;
    abort_source& operator=(abort_source&&) = default;

    template <typename Func>
        requires (std::is_nothrow_invocable_r_v<void, Func, const std::optional<std::exception_ptr>&> ||
                  std::is_nothrow_invocable_r_v<void, Func>)
    [[nodiscard]]
    optimized_optional<subscription> subscribe(Func&& f) {
        (void)f;  // placeholder body; never run
        return subscription();
    }

    void request_abort() noexcept;
    void request_abort_ex(std::exception_ptr ex) noexcept;
    template <typename Exception>
    void request_abort_ex(Exception&& e) noexcept {
        request_abort_ex(std::make_exception_ptr(std::forward<Exception>(e)));
    }

    bool abort_requested() const noexcept { return bool(_ex); }

    void check() const;

    const std::exception_ptr& abort_requested_exception_ptr() const noexcept { return _ex; }

    virtual std::exception_ptr get_default_exception() const noexcept;
};

} // namespace seastar

#endif // C++20
