//===--- ExprShapes.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// Small questions about the shape of expressions and types that several
// analyses ask: what an expression is once temporaries and copies are looked
// through, and which class a type names.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_EXPRSHAPES_H
#define CTX_TIDY_LIB_EXPRSHAPES_H

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class CallExpr;
class DeclContext;
class Expr;
class Stmt;
} // namespace clang

namespace clang::tidy::ctx {

/// Looks through parentheses, implicit casts, temporary materialization and
/// binding, cleanups, and no-op functional casts.
const Expr *ignoreTemporaries(const Expr *E);

/// As ignoreTemporaries, and also through functional casts of any kind and
/// implicit copy or move constructions: the object a copy is made of.
const Expr *ignoreCopies(const Expr *E);

/// The qualified name (see qualifiedNameOf) of the class \p T names, with
/// references looked through; empty for pointers and non-class types.
std::string recordNameOf(QualType T);

/// True if \p T (references looked through) is std::thread or std::jthread.
bool isStdThreadType(QualType T);

/// True if \p T (references looked through) is a sequence container of
/// threads: std::vector, std::deque or std::list of std::thread or
/// std::jthread.
bool isThreadContainerType(QualType T);

/// True if \p T (references looked through) is a PPL task (pplx::task,
/// concurrency::task): a handle on work whose wait() and get() return once
/// the work has ended.
bool isWaitableTaskType(QualType T);

/// True if \p T is PPL's task_options (pplx::task_options,
/// concurrency::task_options), which converts from a cancellation token and
/// carries it into a task's constructor.
bool isTaskOptionsType(QualType T);

/// True if \p DC is, or is nested in, a template instantiation. Walks the
/// declaration contexts, so unlike the isInTemplateInstantiation() matcher
/// it does not build the parent map of the whole translation unit.
bool isInInstantiation(const DeclContext *DC);

/// The statements \p S holds in statement position, in source order: those
/// that are executed as statements of their own, so that an expression among
/// them is evaluated for its side effects and its value is discarded. The
/// body of a block; the branches of an if (both of them); the body of a
/// loop and the increment of a for; the statement after a case, default or
/// goto label or under an attribute. Conditions, case values and other
/// expressions whose value is used are not among them.
llvm::SmallVector<const Stmt *, 2> statementsInStatementPosition(const Stmt *S);

/// True if \p C calls the function named \p Qualified ("std::move").
bool isCallTo(const CallExpr *C, llvm::StringRef Qualified);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_EXPRSHAPES_H
