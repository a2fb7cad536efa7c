//===--- ValueUses.h - ctx-tidy ---------------------------------*- C++ -*-===//
//
// Where a value is used in one body, and what each use does with it.
//
// Answers, for any analysis that follows a value through a body:
//  - where is this variable mentioned (ValueUses: the index of a body's
//    references, its locals, its calls);
//  - what consumes this use (climb: up through the nodes that pass a value
//    on unchanged, one list for the whole project, noting copies, moves and
//    conditional arms on the way);
//  - what kind of use it is (classifyUse: a member call and which method,
//    an invocation, an assignment from or to it, an argument and which
//    parameter it binds to, a return, a store into a new object, a capture,
//    a comparison, ...);
//  - which lambda holds it, which statement of a block holds it, and does
//    it run inside a call that finishes its work before returning.
//
// The model is clang's ExprMutationAnalyzer: one question per function, the
// kinds of answer as an enum. Nothing here knows about cancellation: the
// analyses above (CancelFlow, WorkEnds, DetachSites) decide what a kind of use
// means for the value they follow.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_VALUEUSES_H
#define CTX_TIDY_LIB_VALUEUSES_H

#include "lib/ParentIndex.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang {
class CallExpr;
class CompoundStmt;
class CXXMemberCallExpr;
class CXXMethodDecl;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class LambdaExpr;
class ParmVarDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

class FunctionNameSet;

/// How far an upward walk goes before it gives up: an expression nested
/// deeper than this in one statement is not followed. Real code stays far
/// below it; the bound keeps a malformed or generated tree from looping.
constexpr unsigned MaxClimb = 512;

/// True for the nodes every analysis looks through when it walks up from a
/// value: parentheses, implicit conversions, materialized and bound
/// temporaries, full-expression wrappers. The one such list of the project.
bool passesValueOn(const Stmt *S);

/// Where a value goes once the nodes that pass it on are climbed.
struct Climbed {
  /// The outermost expression that still is the value.
  const Expr *Top = nullptr;
  /// What consumes it: an expression, a statement, a variable whose
  /// initializer it is; a null node at the top of the indexed code.
  DynTypedNode Parent;
  /// A copy was made on the way: a copy or move construction, or a cast to
  /// a non-reference type.
  bool Copied = false;
  /// std::move or std::forward was applied on the way.
  bool Moved = false;
  /// The value is one arm of `c ? a : b`: the result is only maybe it.
  bool Conditional = false;
};

/// Walks up from \p E through passesValueOn() nodes, the arms of
/// conditionals, copies and moves, and non-void explicit casts.
Climbed climb(const Expr *E, const ParentIndex &Parents);

/// The kinds of use classifyUse() tells apart.
enum class UseKind {
  /// Initializes a variable (`auto t = tok;`, also a static):
  /// Use::Variable.
  Initializes,
  /// Returned, co_returned or co_yielded.
  Returned,
  /// A member function is called on it (also an overloaded operator declared
  /// as a member, with the value as its object): Use::Method.
  MemberCall,
  /// A member is named on it but not called (a data member).
  MemberAccess,
  /// The value itself is called: `f()`, `cancel()`.
  Invoked,
  /// Assigned to: the value is the left-hand side.
  AssignedTo,
  /// Assigned from: the value is the right-hand side; Use::Target is the
  /// left-hand side and Use::Variable the variable it names, if any.
  AssignedFrom,
  /// Its address is taken.
  AddressTaken,
  /// Initializes an init-capture (`[t = tok]`): Use::Variable.
  InitCapture,
  /// Copied into a lambda by a plain capture (`[tok]`); what the lambda
  /// does with it is the lambda body's uses.
  Captured,
  /// Compared, with a built-in or an overloaded operator; for an overloaded
  /// one the argument facts are filled when the value is an argument.
  Compared,
  /// Passed to a call or a constructor: the argument facts.
  Argument,
  /// Becomes part of an object built around it: an initializer list, a
  /// parenthesized aggregate initialization, a `new` expression, a
  /// construction not resolved in a template.
  Stored,
  /// Anything else (an operand of other operators, a condition, ...).
  Other,
};

/// How an argument is passed, from the parameter's type.
enum class Passing {
  /// The parameter is not known (a variadic or dependent call).
  Unknown,
  ByValue,
  ByConstReference,
  /// By non-const lvalue reference.
  ByReference,
  ByRValueReference,
};

/// One use of a value and what it does with it.
struct Use {
  UseKind Kind = UseKind::Other;
  /// The climb from the use.
  Climbed Up;
  /// The expression or statement that consumes the value (the call, the
  /// assignment, the return statement, the lambda, the variable's
  /// declaration is not a statement: see Variable).
  const Stmt *User = nullptr;
  /// Initializes, InitCapture: the variable. AssignedFrom: the variable the
  /// left-hand side names, if it names one.
  const VarDecl *Variable = nullptr;
  /// AssignedFrom: the left-hand side.
  const Expr *Target = nullptr;
  /// MemberCall: the method (null when not resolved, in a template).
  const CXXMethodDecl *Method = nullptr;
  /// Argument, and Compared through an overloaded operator with the value as
  /// an argument: the call or construction, its callee, and the parameter
  /// the value binds to (none for a variadic or dependent call).
  const Expr *Call = nullptr;
  const FunctionDecl *Callee = nullptr;
  std::optional<unsigned> ParamIndex;
  QualType ParamType;

  /// The method's name; empty for an operator or an unresolved method.
  llvm::StringRef methodName() const;
  /// How the argument is passed (Argument, Compared).
  Passing passing() const;
};

/// What the use \p E (a reference to a value, or any expression) does with
/// the value, decided by what consumes it once climbed (see climb()). Where
/// two kinds could apply, an invocation, an assignment and a comparison win
/// over a member call or an argument: `f()` is Invoked, `a = tok` is
/// AssignedFrom, `tok == other` is Compared.
Use classifyUse(const Expr *E, const ParentIndex &Parents);

/// The callee of a call or the constructor of a construction; null when not
/// resolved.
const FunctionDecl *calleeOf(const Expr *Call);

/// The parameter \p Arg binds to in \p Call (a call or construction):
/// the callee and the parameter's index. None when unknown (variadic,
/// dependent) or when \p Arg is the object of a member operator call (then
/// \p IsObject is set).
std::optional<std::pair<const FunctionDecl *, unsigned>>
parameterOf(const Expr *Call, const Expr *Arg, bool &IsObject);

/// The lambda whose body holds \p S, innermost first, below \p Boundary;
/// null if \p S is directly in \p Boundary. A capture's initializer is
/// evaluated where the lambda is made, not in its body.
const LambdaExpr *enclosingLambda(const Stmt *S, const Stmt *Boundary,
                                  const ParentIndex &Parents);

/// The statement of a block (a direct child of a compound statement) whose
/// full-expression holds \p S; null if \p S is in a condition, a branch
/// without braces or a lambda, where it does not run on every path through
/// the block.
const Stmt *blockStatementOf(const Stmt *S, const ParentIndex &Parents);

/// The innermost block around \p S, climbing statements and expressions;
/// null when a declaration comes first (\p S in a variable's initializer).
const CompoundStmt *enclosingBlock(const Stmt *S, const ParentIndex &Parents);

/// The member call made on \p E: `E.m(...)`, with nodes that pass the value
/// on looked through; null when \p E is copied, moved or conditional first.
const CXXMemberCallExpr *memberCallOn(const Expr *E,
                                      const ParentIndex &Parents);

/// The name of the method \p Call calls; empty when unresolved or an
/// operator.
llvm::StringRef methodName(const CXXMemberCallExpr *Call);

/// True if \p E (parentheses and implicit casts looked through) names \p V.
bool refersTo(const Expr *E, const ValueDecl *V);

/// True if \p A and \p B (parentheses and implicit casts looked through)
/// designate the same object: the same variable (a lambda's capture names
/// the captured variable), `*this`, or the same member of the same object
/// (`cv_` and `this->cv_`, `q.cv` and `q.cv`, `p->cv` and `p->cv`). False
/// for anything else (an element, a call's result), which may be another
/// object each time.
bool designatesSameObject(const Expr *A, const Expr *B);

/// True if \p Call, or a call enclosing it in the same full-expression,
/// finishes its work before returning: a callee in \p Synchronous, or an
/// immediately invoked lambda.
bool inSynchronousCall(const Stmt *Call, const FunctionNameSet &Synchronous,
                       const ParentIndex &Parents);

/// The references, local variables and calls of one function, lambda or
/// coroutine body, gathered in one walk. Nested lambdas are walked too; the
/// references inside them are marked.
class ValueUses {
public:
  ValueUses(const ParentIndex &Parents, const Stmt *Body);
  ~ValueUses();

  const Stmt *body() const { return Body; }
  const ParentIndex &parents() const { return Parents; }

  /// Every reference to \p D in the body, nested lambdas (and their
  /// captures) included, in the order of the walk.
  llvm::ArrayRef<const DeclRefExpr *> refsTo(const ValueDecl *D) const;
  /// The references to \p D; none if one is inside a nested lambda, where
  /// the object may be used at any time.
  std::optional<llvm::ArrayRef<const DeclRefExpr *>>
  refsOutsideLambdas(const ValueDecl *D) const;
  /// True if \p R is inside a nested lambda (its body or its captures).
  bool inNestedLambda(const DeclRefExpr *R) const;

  /// Variables and decompositions declared in the body outside nested
  /// lambdas, parameters left out.
  llvm::ArrayRef<const VarDecl *> topLevelVars() const { return TopLevelVars; }
  /// Calls in the body outside nested lambdas.
  llvm::ArrayRef<const CallExpr *> topLevelCalls() const { return Calls; }
  /// True if \p D is a variable of automatic storage declared in the body,
  /// nested lambdas included (parameters are not).
  bool isLocalVar(const Decl *D) const;
  /// The body holds code with errors (an editor mid-keystroke).
  bool hasErrors() const { return HasErrors; }

  /// What the use \p E does with its value.
  Use classify(const Expr *E) const { return classifyUse(E, Parents); }
  Climbed climb(const Expr *E) const { return ctx::climb(E, Parents); }

private:
  class Indexer;
  const ParentIndex &Parents;
  const Stmt *Body;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Refs;
  llvm::DenseSet<const DeclRefExpr *> InLambda;
  llvm::SmallVector<const VarDecl *, 16> TopLevelVars;
  llvm::SmallPtrSet<const VarDecl *, 16> Locals;
  llvm::SmallVector<const CallExpr *, 4> Calls;
  bool HasErrors = false;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_VALUEUSES_H
