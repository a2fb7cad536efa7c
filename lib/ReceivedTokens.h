//===--- ReceivedTokens.h - ctx-tidy ----------------------------*- C++ -*-===//
//
// Which tokens a callable receives, and what its body does with them.
//
// The token checks (ctx-unobserved-token, ctx-broken-propagation,
// ctx-unforwarded-token) share this one definition of "receives a token". A
// function, member function, lambda or coroutine receives:
//  - a parameter whose type the context model knows as a token, by value,
//    by reference or through a pointer (the std::stop_token a std::jthread
//    passes to its callable is such a parameter, named or not);
//  - a parameter that is a cancel source whose object is its own token
//    (tbb::task_group_context, seastar::abort_source), by reference,
//    through a pointer or as an optional reference
//    (std::optional<std::reference_wrapper<T>>);
//  - a parameter that is a request context, by reference or through a
//    pointer (grpc::ServerContext *);
//  - for a lambda, a capture of one of these (by copy, by reference, or an
//    init-capture initialized from one).
//
// TokenUses then answers, for one received token and the body: which local
// variables are copies of it (`auto t = tok;`, `std::stop_token t{tok};`),
// and what each use of the token or a copy does: asks it (any member call:
// `tok.stop_requested()`, `ctx->IsCancelled()`), hands it on (an argument of
// a call or a construction, a capture into another lambda), registers a stop
// callback on it, or something else. A use inside a lambda defined in the
// body counts where the lambda is defined: the lambda carries the token on.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_RECEIVEDTOKENS_H
#define CTX_TIDY_LIB_RECEIVEDTOKENS_H

#include "lib/ContextModel.h"
#include "lib/ValueUses.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class LambdaCapture;
class LambdaExpr;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// How a callable came to hold a token.
enum class ReceivedVia {
  /// A parameter of the callable.
  Parameter,
  /// A lambda's capture of a variable of the enclosing scope (by copy or by
  /// reference), or an init-capture initialized from one.
  Capture,
};

/// One token a callable receives.
struct ReceivedToken {
  /// The parameter; for a capture, the captured variable (the init-capture's
  /// own variable for `[t = tok]`). A parameter may be unnamed.
  const ValueDecl *Decl = nullptr;
  /// What the model knows about the token's type (the pointee's, for a
  /// pointer).
  const ContextTypeInfo *Info = nullptr;
  ReceivedVia Via = ReceivedVia::Parameter;
  /// Held through a pointer: `grpc::ServerContext *ctx`.
  bool ThroughPointer = false;
  /// Held as an optional reference:
  /// `std::optional<std::reference_wrapper<seastar::abort_source>> as`.
  bool ThroughOptional = false;
  /// For a capture: the lambda and its capture.
  const LambdaExpr *Lambda = nullptr;
  const LambdaCapture *Capture = nullptr;
  /// Where to point a note: the parameter or the capture.
  SourceLocation Loc;

  /// The name the callable uses for the token; empty for an unnamed
  /// parameter.
  std::string name() const;

  /// True if the callable can ask the token whether it was cancelled. A
  /// request context the model knows no question for (a gRPC
  /// `ClientContext`, the caller's handle to cancel its own outgoing call)
  /// is received, so that what is passed for it can be followed, but it has
  /// nothing to ask: a loop cannot observe it.
  bool observable() const;
};

/// True if a parameter or capture of type \p T holds a token in the sense
/// above; sets \p Info and \p ThroughPointer, and \p ThroughOptional when
/// given.
bool holdsReceivableToken(QualType T, const ContextModel &Model,
                          const ASTContext &Ctx, const ContextTypeInfo *&Info,
                          bool &ThroughPointer,
                          bool *ThroughOptional = nullptr);

/// How to write \p Token, as the callable names it, as the argument for a
/// parameter of type \p Param that takes a source that is its own token by
/// reference, through a pointer or as an optional reference, so that the
/// call compiles and passes that very source:
///  - `as` when the parameter takes it the way the callable holds it (a
///    reference to a reference, a pointer to a pointer, an optional
///    reference to an optional reference);
///  - `&as` for a pointer parameter, the token held by reference;
///  - `std::ref(as)` for an optional-reference parameter, the token held by
///    reference.
/// Empty when no conversion is obvious: a token held through a pointer or
/// an optional reference given to a reference (it may hold nothing), a
/// const token given to a parameter that wants it non-const, a class that
/// is neither the token's nor a base of it, an unnamed token.
std::string tokenArgumentFor(QualType Param, const ReceivedToken &Token,
                             const ContextModel &Model, const ASTContext &Ctx);

/// The tokens the function \p F receives through its parameters, in order.
/// For a lambda's call operator use the LambdaExpr overload, which adds the
/// captures.
llvm::SmallVector<ReceivedToken, 2> receivedTokens(const FunctionDecl *F,
                                                   const ContextModel &Model,
                                                   const ASTContext &Ctx);

/// The tokens the lambda \p L receives: its call operator's parameters,
/// then its captures (explicit and implicit), in order.
llvm::SmallVector<ReceivedToken, 2> receivedTokens(const LambdaExpr *L,
                                                   const ContextModel &Model,
                                                   const ASTContext &Ctx);

/// True if a parameter of type \p Param accepts \p Token as the callable
/// names it, so that passing the name compiles: the token's class or a base
/// of it, by value (when the model says it can be copied), by const
/// reference, or by reference when the name is not const; through a pointer
/// exactly when the token is held through one.
bool acceptsToken(QualType Param, const ReceivedToken &Token,
                  const ASTContext &Ctx);

/// The construction or call that starts a thread which owns a stop source
/// and requests stop when destroyed (the model's Thread role: std::jthread)
/// with the callable \p Callable: `std::jthread t(L)`, `std::jthread{L}`,
/// `threads.emplace_back(L)` on a container of such threads, directly or
/// through a local variable the lambda initializes. Null otherwise.
const Expr *stopThreadStartedWith(const LambdaExpr *Callable,
                                  const ParentIndex &Parents,
                                  const ContextModel &Model,
                                  const ASTContext &Ctx);

/// True if \p Callable is the callable of a stop-callback registration
/// (`std::stop_callback cb(tok, [&] { ... })`, the model's StopCallback
/// role): it runs when a stop is requested, not as the work itself.
bool isStopCallbackCallable(const LambdaExpr *Callable,
                            const ParentIndex &Parents,
                            const ContextModel &Model, const ASTContext &Ctx);

/// What a use of a received token (or a copy of it) does.
enum class TokenUseKind {
  /// A member of the token is called: it is asked (`tok.stop_requested()`,
  /// `ctx->IsCancelled()`, `as.check()`).
  Asked,
  /// Handed to a call or a construction, or captured into another lambda
  /// (`cv.wait(lk, tok, pred)`, `fetch(tok)`, `[tok] { ... }`): the callee
  /// may observe it.
  HandedOn,
  /// A stop callback is registered on it: the token is the first argument of
  /// a construction of a stop-callback type (`std::stop_callback cb(tok,
  /// f)`, `folly::CancellationCallback cb(tok, f)`).
  Registered,
  /// Initializes a local copy; the copy's uses are followed as the token's.
  Copied,
  /// Anything else: returned, assigned, compared, its address taken, ...
  Other,
};

/// One use of the token or of a copy of it.
struct TokenUse {
  TokenUseKind Kind = TokenUseKind::Other;
  /// The reference to the token or the copy.
  const DeclRefExpr *Ref = nullptr;
  /// What ValueUses makes of it.
  Use What;
};

/// A stop callback registered on the token.
struct TokenRegistration {
  /// The construction of the stop callback.
  const Expr *Registering = nullptr;
  /// The variable that keeps it, when it is named; null for a temporary.
  const VarDecl *Variable = nullptr;
  /// The callable it runs on a stop request (the construction's second
  /// argument), when there is one.
  const Expr *Callable = nullptr;
};

/// The uses of one received token in one body (see the file comment).
class TokenUses {
public:
  TokenUses(const ReceivedToken &Token, const ValueUses &Body,
            const ContextModel &Model, const ASTContext &Ctx);

  const ReceivedToken &token() const { return Token; }
  /// The token's declaration and the local copies made of it, in the order
  /// they were found (the token first).
  llvm::ArrayRef<const ValueDecl *> holders() const { return Holders; }
  /// True if \p D is the token or a local copy of it.
  bool holds(const ValueDecl *D) const { return HolderSet.contains(D); }
  /// True if \p E (parentheses, implicit casts and a dereference looked
  /// through) names the token or a copy.
  bool isToken(const Expr *E) const;

  /// Every use of the token and its copies in the body, nested lambdas
  /// included, in the order of the walk.
  llvm::ArrayRef<TokenUse> uses() const { return Uses; }
  /// True if a use inside \p S asks the token, hands it on or registers a
  /// callback on it.
  bool observedIn(const Stmt *S) const;
  /// The stop callbacks registered on the token in the body.
  llvm::ArrayRef<TokenRegistration> registrations() const {
    return Registrations;
  }
  /// The stop callback that wakes some member call made inside \p S (its
  /// condition and body, nested lambdas left out): wakeUpFor() the object of
  /// each member call in \p S, at \p S. Null if there is none.
  ///
  ///   std::stop_callback wake(tok, [&] { cv.notify_all(); });
  ///   while (...) { cv.wait(lock, pred); }   // wakerOfCallsIn(loop) == wake
  const TokenRegistration *wakerOfCallsIn(const Stmt *S) const;

  /// The stop callback that wakes the object \p Object on which the call
  /// \p At is made: registered on the token or a copy and kept in a named
  /// variable declared before \p At in a statement that holds \p At (so it
  /// is still registered there), whose callable (a lambda, or a local
  /// variable initialized with one) calls a member function on the same
  /// object (designatesSameObject): `cv.notify_all()`, `q.close()`,
  /// `sock.cancel()`. Null when there is none.
  const TokenRegistration *wakeUpFor(const Expr *Object, const Stmt *At) const;

  /// True if the innermost loop around \p S (in the body, see
  /// enclosingLoops) that does not end by itself (a range-for or a counted
  /// loop does) observes the token (observedIn). False when no such loop
  /// holds \p S.
  bool observedByLoopAround(const Stmt *S, const ASTContext &Ctx) const;

private:
  void collect(const ValueDecl *D);

  ReceivedToken Token;
  const ValueUses &Body;
  const ContextModel &Model;
  const ASTContext &Ctx;
  llvm::SmallVector<const ValueDecl *, 4> Holders;
  llvm::SmallPtrSet<const ValueDecl *, 4> HolderSet;
  llvm::SmallVector<TokenUse, 8> Uses;
  llvm::SmallVector<TokenRegistration, 2> Registrations;
};

/// The object a member call \p S is made on: `o` in `o.f()`, `p` in
/// `p->f()`, also for calls not resolved in a template; null if \p S is not
/// a member call or the object is an implicit `this`.
const Expr *memberCallObject(const Stmt *S);

/// True if \p Inner is \p Outer or inside it, by the parents of
/// \p Parents (so a node inside a lambda defined in \p Outer is inside it).
bool isWithin(const Stmt *Inner, const Stmt *Outer, const ParentIndex &Parents);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_RECEIVEDTOKENS_H
