// Test stand-in for the PPLX part of the C++ REST SDK (cpprestsdk,
// https://github.com/microsoft/cpprestsdk).
// Checked against: tag v2.10.19.
// Upstream path: Release/include/pplx/pplxtasks.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Models the non-Windows build (namespace pplx; no WinRT/ConcRT parts).
// Declares task<T> / task<void> (construct from a callable with optional
// task_options, which converts implicitly from a cancellation_token; then();
// wait(); get(); is_done()), task_options, task_continuation_context,
// task_completion_event<T>, create_task(), task_from_result(),
// task_from_exception(), is_task_cancellation_requested() and
// cancel_current_task(), and the task operators && (when_all of two tasks)
// and || (when_any) for task<T>, their return types written as the types
// upstream's decltype resolves to. Scheduler-taking overloads, the
// iterator forms of when_all/when_any and the task<void> operators are not
// declared. Template bodies are placeholders.

#pragma once

#include <pplx/pplxcancellation_token.h>
#include <pplx/pplxinterface.h>

#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace pplx
{
typedef task_group_status task_status;

template<typename _Type>
class task;
template<>
class task<void>;

template<typename _ResultType>
class task_completion_event;

inline bool is_task_cancellation_requested() { return false; }

[[noreturn]] inline void cancel_current_task() { throw task_canceled(); }

class task_continuation_context
{
public:
    static task_continuation_context use_default() { return task_continuation_context(); }
    static task_continuation_context use_arbitrary() { return task_continuation_context(); }
    static task_continuation_context use_current() { return task_continuation_context(); }

private:
    task_continuation_context() {}
};

scheduler_ptr get_ambient_scheduler();

class task_options
{
public:
    task_options();
    task_options(cancellation_token _Token);
    task_options(task_continuation_context _ContinuationContext);
    task_options(cancellation_token _Token, task_continuation_context _ContinuationContext);
    task_options(const task_options& _TaskOptions);

    void set_cancellation_token(cancellation_token _Token);
    void set_continuation_context(task_continuation_context _ContinuationContext);

    bool has_cancellation_token() const;
    cancellation_token get_cancellation_token() const;
    task_continuation_context get_continuation_context() const;
    bool has_scheduler() const;
    scheduler_ptr get_scheduler() const;

private:
    task_options const& operator=(task_options const& _Right);
};

namespace details
{
template<typename _Ty>
struct _UnwrapTaskType
{
    typedef _Ty _Type;
};
template<typename _Ty>
struct _UnwrapTaskType<task<_Ty>>
{
    typedef _Ty _Type;
};

// Result type of the task created from _Ty: the (unwrapped) return type of a
// callable, or the result type of a task_completion_event.
template<typename _Ty, typename = void>
struct _TaskTypeFromParam
{
};
template<typename _Ty>
struct _TaskTypeFromParam<_Ty, std::enable_if_t<std::is_invocable_v<_Ty&>>>
{
    typedef typename _UnwrapTaskType<std::invoke_result_t<_Ty&>>::_Type _Type;
};
template<typename _Ty>
struct _TaskTypeFromParam<task_completion_event<_Ty>, void>
{
    typedef _Ty _Type;
};

// Continuations are value-based (take the antecedent's result) or task-based
// (take the antecedent task).
template<typename _Function, typename _ReturnType, typename = void>
struct _ContinuationResult
{
    typedef std::invoke_result_t<_Function, task<_ReturnType>> _Type;
};
template<typename _Function, typename _ReturnType>
struct _ContinuationResult<_Function, _ReturnType, std::enable_if_t<std::is_invocable_v<_Function, _ReturnType>>>
{
    typedef std::invoke_result_t<_Function, _ReturnType> _Type;
};
template<typename _Function>
struct _ContinuationResult<_Function, void, std::enable_if_t<std::is_invocable_v<_Function>>>
{
    typedef std::invoke_result_t<_Function> _Type;
};

template<typename _Function, typename _ReturnType>
struct _ContinuationTypeTraits
{
    typedef task<typename _UnwrapTaskType<typename _ContinuationResult<_Function, _ReturnType>::_Type>::_Type>
        _TaskOfType;
};
} // namespace details

template<typename _ReturnType>
class task
{
public:
    typedef _ReturnType result_type;

    task() {}

    template<typename _Ty>
    explicit task(_Ty _Param)
    {
        (void)_Param;
    }

    template<typename _Ty>
    explicit task(_Ty _Param, const task_options& _TaskOptions)
    {
        (void)_Param;
        (void)_TaskOptions;
    }

    task(const task& _Other);
    task(task&& _Other);
    task& operator=(const task& _Other);
    task& operator=(task&& _Other);

    template<typename _Function>
    auto then(_Function&& _Func) const -> typename details::_ContinuationTypeTraits<_Function, _ReturnType>::_TaskOfType
    {
        (void)_Func;
        std::terminate();
    }

    template<typename _Function>
    auto then(_Function&& _Func, task_options _TaskOptions) const ->
        typename details::_ContinuationTypeTraits<_Function, _ReturnType>::_TaskOfType
    {
        (void)_Func;
        (void)_TaskOptions;
        std::terminate();
    }

    template<typename _Function>
    auto then(_Function&& _Func,
              cancellation_token _CancellationToken,
              task_continuation_context _ContinuationContext) const ->
        typename details::_ContinuationTypeTraits<_Function, _ReturnType>::_TaskOfType
    {
        (void)_Func;
        (void)_CancellationToken;
        (void)_ContinuationContext;
        std::terminate();
    }

    task_status wait() const;
    _ReturnType get() const;
    bool is_done() const;
    scheduler_ptr scheduler() const;
    bool is_apartment_aware() const;

    bool operator==(const task<_ReturnType>& _Rhs) const;
    bool operator!=(const task<_ReturnType>& _Rhs) const;
};

template<>
class task<void>
{
public:
    typedef void result_type;

    task() {}

    template<typename _Ty>
    explicit task(_Ty _Param)
    {
        (void)_Param;
    }

    template<typename _Ty>
    explicit task(_Ty _Param, const task_options& _TaskOptions)
    {
        (void)_Param;
        (void)_TaskOptions;
    }

    task(const task& _Other);
    task(task&& _Other);
    task& operator=(const task& _Other);
    task& operator=(task&& _Other);

    template<typename _Function>
    auto then(_Function&& _Func, task_options _TaskOptions = task_options()) const ->
        typename details::_ContinuationTypeTraits<_Function, void>::_TaskOfType
    {
        (void)_Func;
        (void)_TaskOptions;
        std::terminate();
    }

    template<typename _Function>
    auto then(_Function&& _Func,
              cancellation_token _CancellationToken,
              task_continuation_context _ContinuationContext) const ->
        typename details::_ContinuationTypeTraits<_Function, void>::_TaskOfType
    {
        (void)_Func;
        (void)_CancellationToken;
        (void)_ContinuationContext;
        std::terminate();
    }

    task_status wait() const;
    void get() const;
    bool is_done() const;
    scheduler_ptr scheduler() const;
    bool is_apartment_aware() const;

    bool operator==(const task<void>& _Rhs) const;
    bool operator!=(const task<void>& _Rhs) const;
};

template<typename _ResultType>
class task_completion_event
{
public:
    task_completion_event();

    bool set(_ResultType _Result) const;

    template<typename _E>
    bool set_exception(_E _Except) const
    {
        (void)_Except;
        return false;
    }

    bool set_exception(std::exception_ptr _ExceptionPtr) const;
};

template<>
class task_completion_event<void>
{
public:
    task_completion_event();

    bool set() const;

    template<typename _E>
    bool set_exception(_E _Except) const
    {
        (void)_Except;
        return false;
    }

    bool set_exception(std::exception_ptr _ExceptionPtr) const;
};

template<typename _Ty>
auto create_task(_Ty _Param, task_options _TaskOptions = task_options())
    -> task<typename details::_TaskTypeFromParam<_Ty>::_Type>
{
    return task<typename details::_TaskTypeFromParam<_Ty>::_Type>(_Param, _TaskOptions);
}

template<typename _ReturnType>
task<_ReturnType> create_task(const task<_ReturnType>& _Task)
{
    return task<_ReturnType>(_Task);
}

template<typename _Ty>
task<_Ty> task_from_result(_Ty _Param, const task_options& _TaskOptions = task_options())
{
    (void)_Param;
    (void)_TaskOptions;
    return task<_Ty>();
}

template<class _Ty = void>
inline task<_Ty> task_from_result(const task_options& _TaskOptions = task_options())
{
    (void)_TaskOptions;
    return task<_Ty>();
}

template<typename _TaskType, typename _ExType>
task<_TaskType> task_from_exception(_ExType _Exception, const task_options& _TaskOptions = task_options())
{
    (void)_Exception;
    (void)_TaskOptions;
    return task<_TaskType>();
}

template<typename _ReturnType>
task<std::vector<_ReturnType>> operator&&(const task<_ReturnType>& _Lhs, const task<_ReturnType>& _Rhs);

template<typename _ReturnType>
task<std::vector<_ReturnType>> operator&&(const task<std::vector<_ReturnType>>& _Lhs,
                                          const task<_ReturnType>& _Rhs);

template<typename _ReturnType>
task<std::vector<_ReturnType>> operator&&(const task<_ReturnType>& _Lhs,
                                          const task<std::vector<_ReturnType>>& _Rhs);

template<typename _ReturnType>
task<std::vector<_ReturnType>> operator&&(const task<std::vector<_ReturnType>>& _Lhs,
                                          const task<std::vector<_ReturnType>>& _Rhs);

template<typename _ReturnType>
task<_ReturnType> operator||(const task<_ReturnType>& _Lhs, const task<_ReturnType>& _Rhs);

} // namespace pplx
