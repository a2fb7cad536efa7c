// Test stand-in for the PPLX part of the C++ REST SDK (cpprestsdk,
// https://github.com/microsoft/cpprestsdk).
// Checked against: tag v2.10.19.
// Upstream path: Release/include/pplx/pplxcancellation_token.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Models the non-Windows build (namespace pplx; no WinRT/ConcRT parts).
// Users normally reach these declarations through <pplx/pplxtasks.h>.
// cancellation_token has no public default constructor (use
// cancellation_token::none()); tokens, sources and registrations are all
// copyable and movable, as upstream. register_callback() throws
// invalid_operation upstream when called on cancellation_token::none().

#pragma once

#include <pplx/pplxinterface.h>

#include <cstdlib>
#include <exception>
#include <string>

namespace pplx
{
class task_canceled : public std::exception
{
private:
    std::string _message;

public:
    explicit task_canceled(const char* _Message) throw() : _message(_Message) {}
    task_canceled() throw() : exception() {}
    ~task_canceled() throw() {}
    const char* what() const noexcept { return _message.c_str(); }
};

class invalid_operation : public std::exception
{
private:
    std::string _message;

public:
    invalid_operation(const char* _Message) throw() : _message(_Message) {}
    invalid_operation() throw() : exception() {}
    ~invalid_operation() throw() {}
    const char* what() const noexcept { return _message.c_str(); }
};

namespace details
{
class _CancellationTokenState;
class _CancellationTokenRegistration;
} // namespace details

class cancellation_token_source;
class cancellation_token;

class cancellation_token_registration
{
public:
    cancellation_token_registration() : _M_pRegistration(nullptr) {}
    ~cancellation_token_registration();
    cancellation_token_registration(const cancellation_token_registration& _Src);
    cancellation_token_registration(cancellation_token_registration&& _Src);
    cancellation_token_registration& operator=(const cancellation_token_registration& _Src);
    cancellation_token_registration& operator=(cancellation_token_registration&& _Src);

    bool operator==(const cancellation_token_registration& _Rhs) const
    {
        return _M_pRegistration == _Rhs._M_pRegistration;
    }
    bool operator!=(const cancellation_token_registration& _Rhs) const { return !(operator==(_Rhs)); }

private:
    friend class cancellation_token;

    cancellation_token_registration(details::_CancellationTokenRegistration* _PRegistration)
        : _M_pRegistration(_PRegistration)
    {
    }

    details::_CancellationTokenRegistration* _M_pRegistration;
};

class cancellation_token
{
public:
    typedef details::_CancellationTokenState* _ImplType;

    static cancellation_token none() { return cancellation_token(); }

    cancellation_token(const cancellation_token& _Src);
    cancellation_token(cancellation_token&& _Src);
    cancellation_token& operator=(const cancellation_token& _Src);
    cancellation_token& operator=(cancellation_token&& _Src);

    bool operator==(const cancellation_token& _Src) const { return _M_Impl == _Src._M_Impl; }
    bool operator!=(const cancellation_token& _Src) const { return !(operator==(_Src)); }

    ~cancellation_token();

    bool is_cancelable() const { return _M_Impl != nullptr; }

    bool is_canceled() const;

    template<typename _Function>
    ::pplx::cancellation_token_registration register_callback(const _Function& _Func) const
    {
        (void)_Func;
        return ::pplx::cancellation_token_registration();
    }

    void deregister_callback(const cancellation_token_registration& _Registration) const;

    _ImplType _GetImplValue() const { return _M_Impl; }
    static cancellation_token _FromImpl(_ImplType _Impl) { return cancellation_token(_Impl); }

private:
    friend class cancellation_token_source;

    cancellation_token() : _M_Impl(nullptr) {}
    cancellation_token(_ImplType _Impl);

    _ImplType _M_Impl;
};

class cancellation_token_source
{
public:
    typedef details::_CancellationTokenState* _ImplType;

    cancellation_token_source();
    cancellation_token_source(const cancellation_token_source& _Src);
    cancellation_token_source(cancellation_token_source&& _Src);
    cancellation_token_source& operator=(const cancellation_token_source& _Src);
    cancellation_token_source& operator=(cancellation_token_source&& _Src);

    bool operator==(const cancellation_token_source& _Src) const { return _M_Impl == _Src._M_Impl; }
    bool operator!=(const cancellation_token_source& _Src) const { return !(operator==(_Src)); }

    ~cancellation_token_source();

    cancellation_token get_token() const;

    static cancellation_token_source create_linked_source(cancellation_token& _Src);

    template<typename _Iter>
    static cancellation_token_source create_linked_source(_Iter _Begin, _Iter _End)
    {
        (void)_Begin;
        (void)_End;
        return cancellation_token_source();
    }

    void cancel() const;

    static cancellation_token_source _FromImpl(_ImplType _Impl);

private:
    cancellation_token_source(_ImplType _Impl);

    _ImplType _M_Impl;
};
} // namespace pplx
