//===--- CaptureAnalysis.h - ctx-tidy ---------------------------*- C++ -*-===//
//
// Which context-family objects (tokens, cancel sources, request contexts, stop
// callbacks) a lambda or a bound call reaches without owning them, and how:
// an explicit by-reference capture, a default [&] capture of a used local, a
// 'this' capture of a used member, a copied raw pointer, a copied non-owning
// handle whose source is a local, or a std::ref/std::cref bound argument.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CAPTUREANALYSIS_H
#define CTX_TIDY_LIB_CAPTUREANALYSIS_H

#include "lib/ContextModel.h"
#include "lib/ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class LambdaCapture;
} // namespace clang

namespace clang::tidy::ctx {

/// How a lambda reaches an object it does not own.
enum class ReachWay {
  /// [&tok], [&t = tok].
  ByReference,
  /// [&] whose body uses tok.
  DefaultByReference,
  /// [this], [&] or [=] whose body uses a member of *this.
  ThroughThis,
  /// [p = &ctx], or a copied pointer to a frame object or pointer parameter.
  RawPointer,
  /// [t = src.get_token()] where the handle points into a frame-local source.
  NonOwningHandle,
  /// std::ref(tok) / std::cref(tok) bound into std::bind or a thread.
  BoundByReference,
};

/// One context-family object a callable reaches without owning it.
struct ContextReach {
  ReachWay Way = ReachWay::ByReference;
  /// The object: a VarDecl (local, parameter) or a FieldDecl (member).
  const ValueDecl *Object = nullptr;
  /// What the model knows about the object's type (for a handle, the
  /// handle's type).
  const ContextTypeInfo *Info = nullptr;
  /// For NonOwningHandle: the source the handle points into, and its type.
  const VarDecl *Source = nullptr;
  const ContextTypeInfo *SourceInfo = nullptr;
  /// Where to report: the capture, the first use, or the std::ref call.
  SourceLocation Loc;
  /// The explicit capture, if the object was captured by name.
  const LambdaCapture *Capture = nullptr;
  /// The std::ref/std::cref call for BoundByReference.
  const CallExpr *BoundRef = nullptr;
  /// The object's own type is a copyable type whose copy shares ownership
  /// (std::stop_token, std::stop_source, std::shared_ptr<Context>, ...):
  /// capturing a copy is a pure lifetime fix.
  bool CopyOwns = false;
};

/// The lambda \p Callable denotes: a lambda expression, possibly under
/// std::move or wrappers, or a local variable initialized by one.
const LambdaExpr *lambdaOf(const Expr *Callable);

/// The std::bind / std::bind_front call \p Callable denotes, if any.
const CallExpr *bindCallOf(const Expr *Callable);

/// Every context-family object \p L reaches without owning it, one entry per
/// object, in source order of the report locations. Members of *this are left
/// out when the lambda also keeps *this alive (a by-copy capture initialized
/// from shared_from_this()).
llvm::SmallVector<ContextReach, 4> findContextReaches(const LambdaExpr *L,
                                                      const ContextModel &Model,
                                                      ASTContext &Ctx);

/// The std::ref / std::cref arguments among \p Args that refer to a
/// context-family frame object or member.
llvm::SmallVector<ContextReach, 2>
findBoundReferences(llvm::ArrayRef<const Expr *> Args,
                    const ContextModel &Model, ASTContext &Ctx);

/// True if \p Object ends when the function that declares it returns, as far
/// as that function's code shows: a local or by-value parameter with
/// automatic storage, the referent of a reference parameter (received from
/// the caller for the call), or a local reference bound to one of those.
/// False for members, statics, and local references bound to anything else.
bool endsWithFunction(const ValueDecl *Object);

/// How the body of a lambda uses an object it would hold by copy.
enum class CopyUse {
  /// Const member calls, copies, const references, conversions to bool.
  Read,
  /// A call of a member function that is not const, by the declaration or by
  /// the standard (std::stop_source::request_stop): needs a mutable lambda.
  NonConstCall,
  /// Anything else: assignment, non-const reference, address taken.
  Other,
};

/// Classifies the use \p Use (a DeclRefExpr or MemberExpr naming the object).
CopyUse classifyCopyUse(const Expr *Use, const ParentIndex &Parents);

/// The expressions in \p Body that name \p Object (DeclRefExprs of a
/// variable, MemberExprs on 'this' of a field), in source order.
llvm::SmallVector<const Expr *, 4> usesOf(const ValueDecl *Object,
                                          const Stmt *Body);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_CAPTUREANALYSIS_H
