// Test stand-in for the PPLX part of the C++ REST SDK (cpprestsdk,
// https://github.com/microsoft/cpprestsdk).
// Checked against: tag v2.10.19.
// Upstream path: Release/include/pplx/pplxinterface.h
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Models the non-Windows build (namespace pplx; no WinRT/ConcRT parts).

#pragma once

#include <memory>
#include <utility>

namespace pplx
{
typedef void (*TaskProc_t)(void*);

struct scheduler_interface
{
    virtual void schedule(TaskProc_t, void*) = 0;
};

struct scheduler_ptr
{
    explicit scheduler_ptr(std::shared_ptr<scheduler_interface> scheduler)
        : m_sharedScheduler(std::move(scheduler)), m_scheduler(m_sharedScheduler.get())
    {
    }

    explicit scheduler_ptr(scheduler_interface* pScheduler) : m_scheduler(pScheduler) {}

    scheduler_interface* operator->() const { return get(); }
    scheduler_interface* get() const { return m_scheduler; }
    operator bool() const { return get() != nullptr; }

private:
    std::shared_ptr<scheduler_interface> m_sharedScheduler;
    scheduler_interface* m_scheduler;
};

enum task_group_status
{
    not_complete,
    completed,
    canceled
};
} // namespace pplx
