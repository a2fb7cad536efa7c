//===--- ExprShapes.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// Small questions about the shape of expressions and types that several
// analyses ask: what an expression is once temporaries and copies are looked
// through, whether a call moves its argument, and which class a type names.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_EXPRSHAPES_H
#define CTX_TIDY_LIB_EXPRSHAPES_H

#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
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

/// As ignoreCopies, and also through std::move and std::forward: the object
/// a value moved or copied from is.
const Expr *ignoreCopiesAndMoves(const Expr *E);

/// The qualified name (see qualifiedNameOf) of the class \p T names, with
/// references looked through; empty for pointers and non-class types.
std::string recordNameOf(QualType T);

/// The member a call written `obj.name(...)` or `obj->name(...)` calls,
/// given the call's callee; also unresolved, in a template. Empty when the
/// callee is not a named member.
llvm::StringRef calledMemberName(const Expr *Callee);

/// The object of such a member call (`obj`); null when there is none written
/// (an implicit `this`) or the callee is not a member.
const Expr *calledMemberObject(const Expr *Callee);

/// The type of the object of a resolved member call (the pointee for `->`);
/// null when unresolved or not a member.
QualType calledMemberObjectType(const Expr *Callee);

/// Where the member's name is written in such a call.
SourceLocation calledMemberLoc(const Expr *Callee);

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

/// True if \p T names something one can call: a function, a pointer or
/// reference to one, or a class with an operator() (a lambda, a function
/// wrapper such as std::function), its own or a base's.
bool isCallableType(QualType T);

/// True if \p C calls the function named \p Qualified ("std::bind").
bool isCallTo(const CallExpr *C, llvm::StringRef Qualified);

/// True if \p C is `std::move(x)` or `std::forward<T>(x)`: a cast of its one
/// argument to an rvalue. The one place a move is recognised.
bool isMoveCall(const CallExpr *C);

/// The object \p E moves from when \p E (parentheses and implicit casts
/// looked through) is such a call; null otherwise.
const Expr *movedFrom(const Expr *E);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_EXPRSHAPES_H
