// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/gate.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// Declares gate (try_enter/enter/leave/check/close/get_count/is_closed/
// hold/try_hold), gate::holder, named_gate, gate_closed_exception,
// named_gate_closed_exception, with_gate and try_with_gate. gate is movable
// and not copyable; gate::holder is copyable and movable (a copy holds the
// gate once more), as upstream. The SEASTAR_GATE_HOLDER_DEBUG bookkeeping is
// not modelled. Bodies of the templates are placeholders.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <seastar/core/future.hh>
#include <seastar/core/sstring.hh>

#include <cstddef>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace seastar {

class gate_closed_exception : public std::exception {
public:
    virtual const char* what() const noexcept override { return "gate closed"; }
};

class named_gate_closed_exception : public gate_closed_exception {
    sstring _what;
public:
    named_gate_closed_exception(const sstring& name) noexcept;
    virtual const char* what() const noexcept override;
};

class gate {
    size_t _count = 0;
    std::optional<promise<>> _stopped;

public:
    gate() noexcept {}
    gate(const gate&) = delete;
    gate(gate&& x) noexcept;
    gate& operator=(gate&& x) noexcept;
    virtual ~gate();

    bool try_enter() noexcept;
    void enter();
    void leave() noexcept;
    void check() const;
    future<> close() noexcept;
    size_t get_count() const noexcept { return _count; }
    bool is_closed() const noexcept { return bool(_stopped); }

    class holder {
        gate* _g;

    public:
        holder() noexcept : _g(nullptr) {}
        explicit holder(gate& g);
        holder(const holder& x) noexcept;
        holder(holder&& x) noexcept;
        ~holder();
        holder& operator=(const holder& x) noexcept;
        holder& operator=(holder&& x) noexcept;
        void release() noexcept;
    };

    holder hold();
    std::optional<holder> try_hold() noexcept;

protected:
    virtual std::exception_ptr make_closed_exception() const;

    template <typename Func>
    friend auto try_with_gate(gate&, Func&&) noexcept;
};

class named_gate : public gate {
    sstring _name;

public:
    named_gate() = default;
    explicit named_gate(sstring name) noexcept;
    named_gate(named_gate&&) = default;
    named_gate& operator=(named_gate&&) = default;

protected:
    virtual std::exception_ptr make_closed_exception() const override;
};

namespace internal {
// Stands for the future that the call produces upstream.
template <typename Future>
Future gate_placeholder_future() noexcept;
} // namespace internal

// Runs func() while holding g; the future it returns (futurized) completes
// after func's future does, and then the gate is left.
template <typename Func>
inline
auto
with_gate(gate& g, Func&& func) {
    (void)g;
    (void)func;
    return internal::gate_placeholder_future<futurize_t<std::invoke_result_t<Func>>>();
}

// As with_gate, but a closed gate gives an exceptional future instead of a
// throw.
template <typename Func>
inline
auto
try_with_gate(gate& g, Func&& func) noexcept {
    (void)g;
    (void)func;
    return internal::gate_placeholder_future<futurize_t<std::invoke_result_t<Func>>>();
}

} // namespace seastar

#endif // C++20
