//===--- WorkEnds.h - ctx-tidy ----------------------------------*- C++ -*-===//
//
// Where work that runs elsewhere ends, as the body that started it can see:
// the join of a thread, the loop that joins every thread of a container, the
// wait or get of a task or of a task that depends on it, and in general the
// calls that block until other work is done.
//
// Answers "after which statements has the work this local object holds
// ended?" (WorkEnds::endsOf: none when the object may be released some other
// way, detached, moved, handed on) and "does this statement wait for other
// work?" (isBlockingWait, collectWaits, waitsOn). Which types hold work and
// which of their members block is the context model's knowledge; the
// member names that end a thread's or a task's work are this file's.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_WORKENDS_H
#define CTX_TIDY_LIB_WORKENDS_H

#include "lib/ValueUses.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class CXXMemberCallExpr;
class CXXOperatorCallExpr;
class ForStmt;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// The points after which the work of one local object has ended.
using WorkEndPoints = llvm::SmallVector<const Stmt *, 2>;

/// Where the work held by the locals of one body ends. Built over the body's
/// ValueUses; answers are cached per object.
class WorkEnds {
public:
  explicit WorkEnds(const ValueUses &Uses);

  /// The statements after which the work \p V holds has ended:
  ///  - a thread: every `t.join()`, and the `t.joinable()` of
  ///    `if (t.joinable()) t.join();` (the thread is joinable until joined,
  ///    so the branch that skips the join is never taken);
  ///  - a container of threads: the first element (the range or the index
  ///    declaration) of each loop that joins every thread of it
  ///    (`for (auto &t : ts) t.join();`, `for (size_t i = 0; i < n; ++i)
  ///    ts[i].join();`, the join optionally guarded by joinable(), the body
  ///    free of jumps out): a path that reaches such a loop runs it to its
  ///    end. The bound of an index loop is taken on trust;
  ///  - a task: every `wait()` and `get()` on it and on the local tasks that
  ///    depend on it (`auto u = t.then(f);`, `auto all = t && u;`).
  /// None when anything else may release the work: a thread detached,
  /// moved, swapped, assigned, passed on or used inside a lambda; a
  /// container used other than by filling, size queries and such loops; a
  /// task assigned, moved from, or passed by non-const reference. The
  /// reference stays valid until the next call.
  const std::optional<WorkEndPoints> &endsOf(const VarDecl *V);

  /// The local container of threads that \p Call adds a thread to
  /// (`ts.emplace_back(work)`); null for any other call.
  const VarDecl *threadContainerFilledBy(const CXXMemberCallExpr *Call) const;

private:
  std::optional<WorkEndPoints> joinPointsOf(const VarDecl *V) const;
  std::optional<WorkEndPoints> loopJoinPointsOf(const VarDecl *V) const;
  bool onlyJoinedIn(const Stmt *Body, const VarDecl *Each) const;
  const ForStmt *indexLoopJoining(const CXXOperatorCallExpr *Sub,
                                  const VarDecl *V) const;
  bool collectWaitPoints(const VarDecl *V,
                         llvm::SmallVectorImpl<const Stmt *> &Waits,
                         llvm::SmallPtrSetImpl<const VarDecl *> &Seen,
                         unsigned Depth) const;
  const VarDecl *dependentTask(const Climbed &Up) const;

  const ValueUses &Uses;
  const ParentIndex &Parents;
  llvm::DenseMap<const VarDecl *, std::optional<WorkEndPoints>> Cache;
};

/// True if \p S is `X.join();` or `if (X.joinable()) X.join();`, for the
/// object \p IsX accepts, in braces or not; in braces the join comes first
/// (`if (t.joinable()) { t.join(); log(); }`).
bool isJoinStatement(const Stmt *S, llvm::function_ref<bool(const Expr *)> IsX);

/// True if the loop body \p Body joins the object \p IsX accepts on every
/// iteration: it is a join statement, or a block with one among its
/// statements and nothing that leaves it early.
bool loopBodyJoins(const Stmt *Body,
                   llvm::function_ref<bool(const Expr *)> IsX);

/// True if \p S is a member call that blocks until other work is done: a
/// wait on a condition variable, latch, barrier or notification, get or
/// wait on a future, join on a thread or thread pool, run on an io_context
/// (the model's catalogue says which).
bool isBlockingWait(const Stmt *S);

/// Adds to \p Out the statements of \p Body that wait for other work: the
/// blocking waits, and every statement of the condition of a loop whose
/// body waits ("while (!done) cv.wait(lock);" waits when it must).
void collectWaits(const Stmt *Body, llvm::DenseSet<const Stmt *> &Out);

/// True if \p S calls get() or wait() on the local \p Result, directly or
/// on std::move(Result).
bool waitsOn(const Stmt *S, const VarDecl *Result);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_WORKENDS_H
