//===--- LoopShapes.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// The shape of a loop, read from the AST: can its body leave early, does it
// run over a container or count up to a bound, or does nothing but a stop
// from inside ever end it.
//
// Answers "does every iteration run to its end" (a loop that joins every
// thread of a container must not break out), "is this loop counted or
// bounded" (a loop over a range, or one that steps a variable its condition
// compares, ends by itself) and "can only a break or a return end it"
// (`while (true)`, `for (;;)`).
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_LOOPSHAPES_H
#define CTX_TIDY_LIB_LOOPSHAPES_H

#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class Expr;
class ForStmt;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

class ParentIndex;

/// How a loop is bounded.
enum class LoopShape {
  /// Not a loop.
  NotALoop,
  /// A range-based for: it ends when the range does.
  Range,
  /// A for, while or do loop whose condition compares a variable that the
  /// loop itself steps (++, --, +=, -=, or an assignment from itself), or an
  /// iterator it advances (also through a comparison C++20 rewrites, `it !=
  /// end` as `!(it == end)`), or a pointer it steps and tests for null
  /// (`while (node)` with `node = node->next`), or an integer it steps and
  /// tests against zero (`while (n--)`, `while (n) { ...; --n; }`); or a
  /// conjunction (&&) with such a comparison.
  Counted,
  /// No condition, or a constant true one: `for (;;)`, `while (true)`,
  /// `do { } while (1)`. Only a jump out of the body ends it.
  ConstantTrue,
  /// A constant false condition: the body of a do runs once (`do { ... }
  /// while (0)`, the macro idiom for a statement), a while's or for's never.
  ConstantFalse,
  /// A for, while or do loop whose body leaves the loop on every path before
  /// the condition is tested again: a return, throw, co_return or break of
  /// the loop among the body's unconditional statements, and no continue of
  /// the loop. It runs at most once, as an if does: `for (Status st = f();
  /// !st.ok();) return fail(st);`, the expansion of assertion macros such as
  /// Arrow's ASSERT_OK.
  Once,
  /// Any other condition: `while (!done)`, `while (auto job = q.pop())`.
  Conditional,
};

/// The shape of \p Loop (see LoopShape).
LoopShape loopShapeOf(const Stmt *Loop, const ASTContext &Ctx);

/// True if \p S is a for, while, do or range-based for statement.
bool isLoop(const Stmt *S);

/// The body of the loop \p Loop; null if \p Loop is not a loop.
const Stmt *loopBody(const Stmt *Loop);

/// The condition of the loop \p Loop (null for `for (;;)` and range-for).
const Expr *loopCondition(const Stmt *Loop);

/// True if \p Body contains a statement that leaves it early: break,
/// continue, return, goto, throw or co_return. A break inside a nested loop
/// or switch, or a continue inside a nested loop, stays inside it; lambdas
/// are their own bodies.
bool mayLeaveEarly(const Stmt *Body);

/// True if something in the loop \p Loop ends it from inside: a break that
/// belongs to it, a return, goto, throw or co_return (a continue does not
/// end it).
bool mayEndFromInside(const Stmt *Loop);

/// The loops that run \p S on each of their iterations, innermost first,
/// below \p Boundary (a function or lambda body): \p S is in the loop's
/// body, condition or increment, not in a for's init statement or a
/// range-for's range, which run once. A lambda ends the walk: a statement
/// in a lambda runs when the lambda is called, not with the loops around
/// its definition.
llvm::SmallVector<const Stmt *, 2>
enclosingLoops(const Stmt *S, const Stmt *Boundary, const ParentIndex &Parents);

/// True if \p V is a new object on each iteration of \p Loop: a variable
/// declared in the loop's body or condition (`while (auto job = q.pop())`),
/// or a range-for's loop variable. False for a variable declared before the
/// loop or in a for's init statement, which keeps its value from one
/// iteration to the next, and for parameters, members and globals: a value
/// assigned to such a variable in one iteration is what the next one reads.
bool isIterationLocal(const ValueDecl *V, const Stmt *Loop,
                      const ParentIndex &Parents);

/// True if, once \p S (a statement or expression in the body of \p Loop)
/// has run, the iteration leaves the loop on every path: a statement after
/// the one holding \p S, in its block or in an enclosing block inside the
/// loop's body, is a break that belongs to \p Loop, a return, a throw, a
/// goto or a co_return (`if (found) { ctx = derive(ctx); break; }`). A
/// jump nested in a branch does not count; a continue does not leave.
bool leavesLoopAfter(const Stmt *S, const Stmt *Loop,
                     const ParentIndex &Parents);

/// The index variable of `for (T i = 0; i < n; ++i)` (also `i != n` and
/// `i++`); null if \p Loop has another shape.
const VarDecl *zeroBasedIndexOf(const ForStmt *Loop, const ASTContext &Ctx);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_LOOPSHAPES_H
