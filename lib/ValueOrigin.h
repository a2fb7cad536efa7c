//===--- ValueOrigin.h - ctx-tidy -------------------------------*- C++ -*-===//
//
// Where a value came from.
//
// originOf() follows an expression back through copies, moves, references,
// lambda captures and the initializers of local variables to where the value
// was made: a parameter the function received, an object of static storage,
// a member, an object constructed here (default-constructed: for a token,
// one that is never cancelled), the token a source hands out, the result of
// a call. It answers "is this the token the function received, or a copy of
// it?", "is this a fresh or an empty token?", "which source does this token
// come from?".
//
// Next to it, the one-step questions the analyses ask of an initializer
// (which object a reference binds to, which object a pointer points to,
// which local source a handle points into, which call a handle comes from,
// is a variable a copy of an existing object) and the summary
// ctx-static-storage asks of a stored value (does anything in it come from
// the request, from static storage, or is it made here).
//
// Flow-insensitive: a local variable is followed to its initializer, not to
// later assignments (ValueUses finds those).
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_VALUEORIGIN_H
#define CTX_TIDY_LIB_VALUEORIGIN_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

class ContextModel;

/// Where a value was made.
enum class OriginKind {
  /// A parameter of the function or lambda, or of an enclosing function
  /// whose lambda captured it: Origin::Decl.
  Parameter,
  /// A local variable the trail does not go past: one without an
  /// initializer, a structured binding: Origin::Decl.
  Local,
  /// A global, a static member or a function-local static: Origin::Decl.
  StaticStorage,
  /// A member of *this: Origin::Decl is the field.
  Member,
  /// An object constructed with no arguments: `T{}`, `T()`, `T t;`. For a
  /// token type, a token that is never cancelled.
  DefaultConstructed,
  /// An object constructed from arguments, not as a copy: `T(a, b)`,
  /// `new T(a)`.
  Constructed,
  /// A token handed out by a member call the model knows
  /// (`src.get_token()`): Origin::Object is the object called on.
  TokenOf,
  /// A token or context derived by a call the model knows as deriving (a
  /// merge, a cancel factory, a deriving function, a client context made
  /// from a server context; ContextModel::ChainCall::Derives): Origin::Where
  /// is the call, ContextModel::derivationParents() what it derives from.
  /// Also a binding of `auto [ctx, cancel] = factory(parent)` whose type the
  /// model knows.
  Derived,
  /// A token or context with no parent, from a call the model knows as a
  /// root (`pplx::cancellation_token::none()`, RootContexts): Origin::Where
  /// is the call.
  Root,
  /// No object at all: a null pointer (`nullptr`, `NULL`, `0` given for a
  /// pointer) or an empty std::optional (`std::nullopt`, `std::optional<T>()`).
  /// For a pointer or an optional reference to a source that is its own
  /// token (`seastar::abort_source *`), a token that is never cancelled.
  Null,
  /// The result of any other call (a factory, a getter).
  CallResult,
  /// Anything else: a conditional, a dereference, an element, ...
  Unknown,
};

/// The end of the trail from a value back to where it was made.
struct Origin {
  OriginKind Kind = OriginKind::Unknown;
  /// Parameter, Local, StaticStorage, Member: the declaration.
  const ValueDecl *Decl = nullptr;
  /// The expression the trail ended at (the construction, the call, the
  /// reference to the declaration).
  const Expr *Where = nullptr;
  /// TokenOf: the object the token method is called on.
  const Expr *Object = nullptr;
  /// The local variables the trail went through, nearest first:
  /// `auto t = tok; use(t);` goes through t to the parameter tok.
  llvm::SmallVector<const VarDecl *, 2> Through;
  /// A copy was made on the way (not only references and moves).
  bool Copied = false;
  /// The trail left a lambda through one of its captures.
  bool Captured = false;
};

/// Where the value of \p E was made (see Origin). \p Model decides which
/// member calls hand out tokens.
Origin originOf(const Expr *E, const ContextModel &Model,
                const ASTContext &Ctx);

/// Visits the origin of \p E and, where it is Derived, the origins of what
/// it derives from, depth first (a bounded depth); returns true as soon as
/// \p Visit does. Answers "is this token derived, however indirectly, from
/// that one?": `merge(tok, other)` and `with_value(child_of(tok), k, v)`
/// both reach tok.
bool anyOrigin(const Expr *E, const ContextModel &Model, const ASTContext &Ctx,
               llvm::function_ref<bool(const Origin &)> Visit);

/// The deriving call through which the value of \p E is derived from the
/// value \p V holds where \p E is evaluated, however indirectly: `ctx` in
/// `with_value(ctx, k, v)`, `merge(tok, other)`, `ctx.with_value(k, v)`,
/// through a local initialized with a derivation (`auto next =
/// with_value(ctx, k, v); ... next`) and through a binding of a cancel
/// factory's result (`auto [child, cancel] = with_cancel(ctx); ... child`).
/// Returns the outermost such call (the one \p E's trail ends at); null
/// when \p E is not derived from \p V or reaches it only through copies
/// (`ctx`, `auto c = ctx; ... c`). Answers "is this assignment `V = E` one
/// more link on V's own chain?".
const Expr *derivingCallFrom(const Expr *E, const ValueDecl *V,
                             const ContextModel &Model, const ASTContext &Ctx);

/// The call a declaration is initialized with, looking through implicit
/// nodes and a copy of a temporary: `auto [ctx, cancel] = factory();`.
const CallExpr *initializingCall(const Expr *Init);

/// True if \p V is initialized with a copy of an existing object rather than
/// a new one: `T s = other;`, `T s(std::move(other));`, `T s = x.member;`.
bool copiesExistingObject(const VarDecl *V);

/// True if \p VD lives in a stack frame: a local with automatic storage or a
/// parameter, unless it is a reference bound to an object of static storage.
bool isFrameObject(const VarDecl *VD);

/// The object a reference bound to \p Init refers to, when it is a frame
/// object or a member of *this (std::move and copies looked through).
const ValueDecl *referentOf(const Expr *Init);

/// The object the pointer value \p Init points to, when it is a frame object
/// or a member that the pointer does not own: `&local`, `&member`, a pointer
/// parameter, or a local pointer initialized with one of those.
const ValueDecl *pointeeOf(const Expr *Init);

/// The frame-local source a handle value \p Init points into: `src` in
/// `src.get_token()` (a token method of the model), through locals
/// initialized with such a call.
const VarDecl *handleSourceOf(const Expr *Init, const ContextModel &Model,
                              const ASTContext &Ctx);

/// What feeds a value, summed over every variable it reads (not only the one
/// it copies): `std::make_pair(id, tok)` is fed by tok.
struct FeedingOrigins {
  /// A parameter or a local of a function other than main.
  bool FromRequest = false;
  /// Something of static storage (a shutdown source).
  bool FromStatic = false;
  /// A cancel source, request context or stop callback created here.
  bool Fresh = false;
  /// A cancel source created here with no arguments (`StopSource()`): a new
  /// root, not yet linked to any request or work. Apart from Fresh: put in a
  /// single slot it replaces the slot's source (a shutdown or signal
  /// source); put in a container it still adds an entry.
  bool FreshRoot = false;
};

/// What feeds \p E; only variables whose type holds a context type count.
/// \p DesignatesStatic says whether an expression names static storage
/// beyond variables of static storage duration (a member of a long-lived
/// object, a reference returned by an accessor).
FeedingOrigins
feedingOrigins(const Expr *E, const ContextModel &Model, const ASTContext &Ctx,
               llvm::function_ref<bool(const Expr *)> DesignatesStatic);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_VALUEORIGIN_H
