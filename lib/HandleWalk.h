//===--- HandleWalk.h - ctx-tidy --------------------------------*- C++ -*-===//
//
// The walk CancelFlow makes for one cancel handle. It follows the handle,
// the tokens it hands out and the callables that carry either through one
// body, and records events: where a token leaves for work that may outlive
// the body (a start), where the handle is settled (cancelled, guarded,
// returned, moved, stored, passed on), and where a token is only looked at.
// CancelFlow turns the events into a HandleFlow; nothing else uses them.
//
// CancelBody holds what the walks of every handle of a body share: the
// body's uses, where the work its locals hold ends, and what a callee's body
// does with a parameter. HandleWalk is one handle's walk and owns its own
// state, so that no walk leaves anything behind for the next.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_HANDLEWALK_H
#define CTX_TIDY_LIB_HANDLEWALK_H

#include "lib/CancelFlow.h"
#include "lib/ValueUses.h"
#include "lib/WorkEnds.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::ctx {

/// What a value carries for the handle being followed.
enum class Carry {
  /// The handle itself (or a copy or alias of it).
  Handle,
  /// A token of the handle.
  Token,
  /// A callable that cancels the handle when invoked.
  Canceller,
  /// A callable that, when invoked, hands the token to work that may
  /// outlive it.
  TokenStarter,
  /// A callable that holds or observes the token.
  TokenCarrier,
  /// A callable that holds the handle and does something else with it.
  HandleCarrier,
};

enum class EventKind {
  /// The token leaves for work that may outlive the body.
  Start,
  /// The handle is settled (Event::How says how).
  Settle,
  /// The token is looked at, or passed where it stays.
  Observe,
};

struct Event {
  EventKind Kind;
  const Stmt *Where;
  Settlement How = Settlement::Cancel;
  /// For a guard: the statement that declares it.
  const DeclStmt *Guard = nullptr;
  /// A canceller handed to a call or stored: whoever holds it now owes the
  /// cancel, also for a token taken after this point.
  bool Standing = false;
  /// For a start: the local object that holds the work and whose end the
  /// body waits for (see CancelBody::keptWorkStartedBy).
  const VarDecl *Work = nullptr;
};

/// The facts of one body that the walks of all its handles read.
class CancelBody {
public:
  CancelBody(const ContextModel &Model, const FunctionNameSet &Synchronous,
             const ParentIndex &Parents, const Stmt *Body);

  const ContextModel &Model;
  const FunctionNameSet &Synchronous;
  const ParentIndex &Parents;
  ASTContext &Ctx;
  const Stmt *Body;
  ValueUses Uses;
  /// Where the work held by the body's locals ends.
  WorkEnds Ends;

  /// The local scope guard (a catalogue guard type, or a local object of a
  /// class with a user-written destructor, such as the dependency-free
  /// guard the fix writes) whose initializer holds \p E.
  const VarDecl *guardInitializedBy(const Expr *E) const;

  /// True if the callee of the call \p U passes the handle to, defined
  /// outside system headers, hands the cancel of that parameter on: a
  /// lambda in its body captures the parameter by copy and cancels the copy
  /// (`_JoinAllTokens_Add(const cancellation_token_source &src, ...)`
  /// registers `[=] { src.cancel(); }` on another token). A copy that is
  /// only read, or kept without a cancel in sight, does not count.
  bool calleeKeepsCopyOf(const Use &U);

  /// True if the construction \p U passes a token to initializes a local
  /// object (not static) whose constructor, defined outside system headers,
  /// uses the token parameter only to initialize stop callback members
  /// (`Waiter(const CancellationToken &t) : cb_{t, [this] {...}} {}`): the
  /// registration is the object's, and ends with the local's scope, as a
  /// local stop callback's does. Such a class cannot be copied or moved (no
  /// stop callback type can), so the object stays where it is.
  bool constructsLocalRegistration(const Use &U) const;

  /// True if the object \p Construct builds outlives the full-expression
  /// and is not a local: made with new, or initializing a static or global.
  bool constructsEscapingObject(const Expr *Construct) const;

  /// The local object that holds the work \p PE starts with the token, if
  /// the body waits for that work to end at points it can name (see
  /// WorkEnds): a thread \p PE builds, a local container of threads the
  /// thread goes into, a PPL task \p PE builds with the token.
  ///
  /// A thread must get a callable that only reads the token (\p C is
  /// TokenCarrier): a named function given the token may keep it. A task
  /// gets the token itself (\p C is Token) and holds it for its own work.
  /// \p Arg is what carries the token into \p PE: for a thread, the
  /// callable the thread runs (the first argument), not an argument of it.
  const VarDecl *keptWorkStartedBy(const Expr *PE, const Expr *Arg, Carry C);

private:
  bool cancelsCopyIn(const Stmt *S, const ParmVarDecl *P, unsigned Depth) const;
  bool callsCancelOn(const Stmt *S, const ParmVarDecl *P, unsigned Depth) const;

  /// calleeKeepsCopyOf's answers, by parameter.
  llvm::DenseMap<const ParmVarDecl *, bool> KeepsCopy;
};

/// The walk of one handle through a body.
class HandleWalk {
public:
  HandleWalk(CancelBody &Body, const CancelHandle &H) : B(Body), H(H) {}

  /// Every event of the handle in the body. Uses inside a nested lambda are
  /// attributed to where the lambda runs or escapes.
  llvm::SmallVector<Event, 16> run();

private:
  void walk(const Expr *E, Carry C, const Stmt *Boundary,
            llvm::SmallVectorImpl<Event> &Out);
  void walkArgument(const Use &U, Carry C, const Stmt *Boundary,
                    llvm::SmallVectorImpl<Event> &Out);
  void walkInLambda(const Expr *E, Carry C, const LambdaExpr *L,
                    const Stmt *Boundary, llvm::SmallVectorImpl<Event> &Out);
  const ValueDecl *pointerAliasOf(const Expr *AddressOf) const;
  void addAlias(const ValueDecl *V, Carry C, const Stmt *Boundary,
                llvm::SmallVectorImpl<Event> &Out);
  bool staysLocal(const Expr *Call, const Expr *Top, Carry C,
                  const Stmt *Boundary, llvm::SmallVectorImpl<Event> &Out);

  CancelBody &B;
  const CancelHandle &H;
  /// The aliases already followed, with what they carried.
  llvm::DenseSet<std::pair<const ValueDecl *, int>> AliasSeen;
  /// How many lambdas and aliases deep the walk is.
  unsigned Depth = 0;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_HANDLEWALK_H
