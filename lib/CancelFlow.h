//===--- CancelFlow.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// What happens to a cancel handle inside one function body: where its token
// leaves for work that may outlive the body (the cancel obligation starts
// there), where the handle is settled (cancelled, handed off, or covered by a
// scope guard), and whether some path leaves the body in between.
//
// CancelFlow finds the handles of a body; the walk of one handle through the
// body is lib/HandleWalk; the one CFG pass that decides whether a path
// leaks is lib/ExitPaths.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CANCELFLOW_H
#define CTX_TIDY_LIB_CANCELFLOW_H

#include "lib/ContextModel.h"
#include "lib/ExitPaths.h"
#include "lib/FunctionNameSet.h"
#include "lib/ParentIndex.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class DeclStmt;
class Expr;
class FunctionDecl;
class LambdaExpr;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// An object whose cancellation the function owes.
struct CancelHandle {
  enum Kind {
    /// A local cancel source (std::stop_source src;).
    Source,
    /// The cancel callable a cancel factory returned.
    CancelFunction,
  } HandleKind = Source;
  /// A VarDecl, or a BindingDecl of a structured binding.
  const ValueDecl *Decl = nullptr;
  /// The model's entry, for sources.
  const ContextTypeInfo *Info = nullptr;
  /// The statement that declares the handle.
  const DeclStmt *Declaration = nullptr;
  /// For cancel functions: the factory call and its callee.
  const CallExpr *FactoryCall = nullptr;
  const FunctionDecl *Factory = nullptr;
};

/// How a path settles a handle.
enum class Settlement {
  /// The cancel call, or calling the cancel function.
  Cancel,
  /// A scope guard whose callable cancels.
  Guard,
  /// The handle is returned (or co_returned).
  Return,
  /// The handle is moved.
  Move,
  /// The handle is copied into a container, an object, or a variable that
  /// outlives the body.
  Store,
  /// The handle is passed to a call that may keep it.
  Pass,
};

/// Everything one body does with one handle, as statements of that body (a
/// use inside a nested lambda is attributed to where the lambda runs or
/// escapes).
struct HandleFlow {
  /// Statements after which the handle must be settled: where its token
  /// reaches work that may outlive the body, or the factory call.
  llvm::SmallVector<const Stmt *, 4> ObligationStarts;
  /// Statements that settle the handle.
  llvm::SmallVector<std::pair<const Stmt *, Settlement>, 8> Settles;
  /// Scope guards that cancel the handle, with the statements declaring them.
  llvm::SmallVector<const DeclStmt *, 2> Guards;
  /// Statements of a block that hand a callable which cancels the handle to
  /// a call or store it (`post(ex, [&] { src.request_stop(); });`). Like a
  /// guard, the holder of that callable owes the cancel from there on, also
  /// for a token taken later in the block.
  llvm::SmallVector<const Stmt *, 2> StandingHandOffs;
  /// Obligation starts whose work is held by a local object whose end the
  /// body waits for, with that object: a thread that nothing but join() and
  /// queries touch (not detached, moved, swapped, assigned, passed on or
  /// used inside a lambda); a container of threads that is only filled,
  /// queried and joined by loops over all of it; a PPL task (pplx::task)
  /// built with the token, never assigned or moved from.
  llvm::DenseMap<const Stmt *, const VarDecl *> StartWork;
  /// For the objects of StartWork: the statements after which their work
  /// has ended: `t.join()`, the `t.joinable()` of `if (t.joinable())
  /// t.join();`, the first element of a loop that joins every thread of a
  /// container, `wait()` or `get()` on the task or on a task that depends on
  /// it (a continuation made with then(), a task joined with `&&`).
  llvm::SmallVector<std::pair<const VarDecl *, const Stmt *>, 4> WorkEnds;
  /// The handle is a source of a local std::jthread that is neither detached
  /// nor moved: the thread's destructor requests stop.
  bool OwnedByThread = false;
  /// The cancel function is never mentioned after the factory call.
  bool NeverUsed = false;

  bool has(Settlement S) const;
};

/// Where a handle leaks: a path from an obligation start to an exit that
/// settles nothing on the way.
struct HandleLeak {
  ExitPoint Exit;
  /// The first obligation start (in source order) the exit is reached from.
  const Stmt *Start = nullptr;
  /// The local object whose work the token went to at Start, when the body
  /// waits for that work (a thread, a container of threads, a task).
  const VarDecl *Work = nullptr;
};

class CancelBody;

/// Facts about cancel handles in one function, lambda or coroutine body.
/// Nested lambda bodies are analysed on their own; uses of an outer handle
/// inside them are attributed to the place the lambda runs or escapes.
class CancelFlow {
public:
  /// \p Body is the body of \p D (a function, or a lambda's call operator).
  CancelFlow(const ContextModel &Model, const FunctionNameSet &SynchronousCalls,
             const ParentIndex &Parents, const Decl *D, const Stmt *Body);
  ~CancelFlow();

  /// Handles declared in the body itself (not in nested lambdas): local
  /// sources of non-dependent type, and cancel functions bound from a cancel
  /// factory's result.
  const llvm::SmallVector<CancelHandle, 4> &handles() const { return Handles; }

  /// Cancel factory calls in the body whose result is thrown away: an
  /// expression statement, a cast to void, or std::tie with std::ignore in
  /// the cancel's place.
  const llvm::SmallVector<const CallExpr *, 2> &discardedFactoryCalls() const {
    return Discarded;
  }

  /// What the body does with \p H.
  HandleFlow analyse(const CancelHandle &H);

  /// The CFG of the body, built on the first call; null when none can be
  /// built (code with errors).
  const ExitPathAnalysis *paths();

  /// Where \p H leaks, given what the body does with it (\p Flow): the
  /// nearest exit some path reaches from an obligation start without
  /// passing a settlement or the end of the work the token went to, and
  /// outside the reach of a scope guard or a standing hand-off. Starts are
  /// searched in groups by the object holding their work, so that a start
  /// is settled by the end of its own work only. Where a cancel cannot be
  /// undone (PermanentCancel), a start that every path from the entry
  /// reaches cancelled does not count. None when no path leaks, or when
  /// paths() is null.
  std::optional<HandleLeak> findLeak(const CancelHandle &H,
                                     const HandleFlow &Flow);

  /// True if the body declares a thread object (std::jthread) after \p H.
  /// Such a thread is destroyed, and joined, before a guard declared right
  /// after \p H runs: if it waits on the handle's token, the join never ends.
  bool declaresThreadAfter(const CancelHandle &H) const;

  const Stmt *body() const { return Body; }

private:
  std::unique_ptr<CancelBody> B;
  const Decl *D;
  const Stmt *Body;
  std::unique_ptr<ExitPathAnalysis> Paths;
  bool TriedPaths = false;
  llvm::SmallVector<CancelHandle, 4> Handles;
  llvm::SmallVector<const CallExpr *, 2> Discarded;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_CANCELFLOW_H
