//===--- ContextModel.h - ctx-tidy ------------------------------*- C++ -*-===//
//
// What ctx-tidy knows about cancellation types: which types are tokens,
// cancel sources, request contexts, stop callbacks, scope guards and threads,
// how each is cancelled, how its token is handed out, and whether a copy of it
// keeps the shared state alive. Every check asks this one model.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CONTEXTMODEL_H
#define CTX_TIDY_LIB_CONTEXTMODEL_H

#include "lib/QualifiedNames.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMemberCallExpr;
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class FunctionDecl;
class NamedDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// The part a type plays in cancellation.
enum class ContextRole {
  /// Observes cancellation (std::stop_token, folly::CancellationToken).
  Token,
  /// Owns the shared state and requests cancellation (std::stop_source).
  CancelSource,
  /// A per-request context that carries cancellation (grpc::ClientContext).
  RequestContext,
  /// An RAII registration of a callback on a token (std::stop_callback).
  StopCallback,
  /// An RAII object whose destructor runs a callable (absl::Cleanup).
  ScopeGuard,
  /// A thread that owns a stop source and requests stop when destroyed.
  Thread,
};

/// What a copy of the object refers to.
enum class CopySemantics {
  /// The type cannot be copied.
  NotCopyable,
  /// A copy shares ownership of the cancellation state and keeps it alive.
  OwnsState,
  /// A copy points into its source and dangles once the source is destroyed.
  PointsIntoSource,
};

/// Everything the checks need to know about one context type.
struct ContextTypeInfo {
  ContextRole Role = ContextRole::Token;
  /// The qualified name users write, e.g. "std::stop_source".
  std::string Name;
  /// Member calls that cancel: "request_stop". Matched by name on the type.
  llvm::SmallVector<std::string, 2> CancelMethods;
  /// The call to write in a fix-it, after "obj.": "request_stop()" or
  /// "emit(boost::asio::cancellation_type::terminal)". Empty if unknown.
  std::string CancelCall;
  /// Member calls that hand out a token: "get_token", "slot".
  llvm::SmallVector<std::string, 2> TokenMethods;
  /// The call to write in a fix-it that asks whether cancellation was
  /// requested, after "obj." (or "obj->" for a pointer): "stop_requested()",
  /// "isCancellationRequested()", "IsCancelled()". Empty when the type has
  /// no such query (boost::asio::cancellation_slot).
  std::string ObserveCall;
  /// The object itself, passed by reference, is the token
  /// (tbb::task_group_context, seastar::abort_source).
  bool TokenIsSelf = false;
  CopySemantics Copy = CopySemantics::OwnsState;
  /// For cancel sources: a cancel cannot be undone, and a token taken after
  /// it is already cancelled (std::stop_source, pplx), so a cancel before the
  /// token is taken settles the source. False where a cancel reaches only the
  /// work registered at that moment (boost::asio::cancellation_signal) or can
  /// be reset (tbb::task_group_context), and for user types.
  bool PermanentCancel = false;
  /// True for entries that come from options or annotations.
  bool UserDefined = false;
};

/// Returns a short lower-case noun for \p Role ("token", "cancel source").
llvm::StringRef roleName(ContextRole Role);

/// Parses the annotation string used by include/ctx/annotations.h
/// ("ctx::token", ...) into a role.
std::optional<ContextRole> roleFromAnnotation(llvm::StringRef Annotation);

/// The default of the SynchronousCalls option: calls that finish the work
/// they are given before they return.
extern const char DefaultSynchronousCalls[];

/// The catalogue of context types plus the user's extensions.
///
/// Classification is by declaration: typedefs, aliases, cv-qualifiers and
/// references are looked through, and a name such as "tbb::task_group_context"
/// is resolved by lookup in the translation unit, so using-declarations,
/// namespace aliases and inline namespaces of real headers are seen through.
class ContextModel {
public:
  /// Creates the model with the built-in catalogue.
  ContextModel();
  ~ContextModel();
  ContextModel(ContextModel &&);
  ContextModel &operator=(ContextModel &&);

  /// Adds a user type with \p Role. The name is qualified ("my::Token").
  void addType(ContextRole Role, llvm::StringRef QualifiedName);
  /// Adds a cancel method, "my::Source::stop".
  void addCancelMethod(llvm::StringRef QualifiedMethodName);
  /// Adds a method that hands out a token, "my::Source::token".
  void addTokenMethod(llvm::StringRef QualifiedMethodName);
  /// Adds a method that asks whether cancellation was requested,
  /// "my::Token::cancelled" (ObserveMethods, CTX_OBSERVE).
  void addObserveMethod(llvm::StringRef QualifiedMethodName);
  /// Adds a cancel factory function, "ctxlib::with_timeout".
  void addCancelFactory(llvm::StringRef QualifiedFunctionName);

  /// Classifies \p T (typedefs, cv-qualifiers and references looked through,
  /// not pointers). Returns null for types outside the model.
  const ContextTypeInfo *classify(QualType T, const ASTContext &Ctx) const;
  const ContextTypeInfo *classify(const CXXRecordDecl *RD,
                                  const ASTContext &Ctx) const;

  /// How a context type was found inside another type.
  struct Nested {
    const ContextTypeInfo *Info = nullptr;
    /// Reached through a raw pointer, a reference or std::reference_wrapper:
    /// the outer object does not own the context.
    bool NonOwning = false;
  };
  /// Looks for a context type in \p T itself or inside it: through pointers,
  /// smart pointers, std::optional, std::reference_wrapper, any template
  /// argument, and the fields of plain structs (a bounded depth).
  Nested findInside(QualType T, const ASTContext &Ctx) const;

  /// True if \p M cancels its object (catalogue, CancelMethods, CTX_CANCEL).
  bool isCancelMethod(const CXXMethodDecl *M, const ASTContext &Ctx) const;
  /// True if \p M hands out a token (catalogue, TokenMethods, CTX_GET_TOKEN).
  bool isTokenMethod(const CXXMethodDecl *M, const ASTContext &Ctx) const;
  /// True if \p F returns a context with its cancel function
  /// (CancelFactories, CTX_CANCEL_FACTORY).
  bool isCancelFactory(const FunctionDecl *F, const ASTContext &Ctx) const;

  /// True if \p Call returns false once the request its object serves is
  /// cancelled, so that a loop that tests its result ends on a cancel: the
  /// Read and Write members of gRPC's synchronous server streams
  /// (grpc::ServerReader, ServerWriter, ServerReaderWriter).
  bool returnsFalseOnceCancelled(const CXXMemberCallExpr *Call,
                                 const ASTContext &Ctx) const;

  /// The cancel expression to write for an object named \p Object of type
  /// \p Info: "src.request_stop()". Empty if the model knows none.
  std::string cancelExpression(const ContextTypeInfo &Info,
                               llvm::StringRef Object) const;

  /// The expression to write that asks whether \p Object, of type \p Info,
  /// was cancelled: "tok.stop_requested()", "ctx->IsCancelled()" when
  /// \p ThroughPointer. Empty if the model knows no such query.
  std::string observeExpression(const ContextTypeInfo &Info,
                                llvm::StringRef Object,
                                bool ThroughPointer = false) const;

  /// All catalogue entries, built-in ones first.
  const std::vector<std::unique_ptr<ContextTypeInfo>> &entries() const {
    return Entries;
  }

private:
  void bind(const ASTContext &Ctx) const;
  const ContextTypeInfo *infoForAnnotated(const CXXRecordDecl *RD,
                                          ContextRole Role) const;
  bool methodNamed(
      const CXXMethodDecl *M, const ASTContext &Ctx,
      const llvm::StringMap<llvm::SmallVector<std::string, 2>> &ByClass) const;

  std::vector<std::unique_ptr<ContextTypeInfo>> Entries;
  llvm::StringMap<ContextTypeInfo *> ByName;
  /// User method lists keyed by class name: "my::Source" -> {"stop"}.
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserCancelMethods;
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserTokenMethods;
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserObserveMethods;
  std::vector<std::string> CancelFactories;

  // Per-AST caches. The model outlives nothing but the check that owns it; the
  // caches are rebuilt when a different ASTContext is seen.
  mutable const ASTContext *BoundTo = nullptr;
  mutable llvm::DenseMap<const Decl *, const ContextTypeInfo *> ByDecl;
  mutable llvm::DenseMap<const Decl *, const ContextTypeInfo *> Classified;
  mutable llvm::DenseMap<const Decl *, bool> FactoryCache;
  mutable std::vector<std::unique_ptr<ContextTypeInfo>> AnnotatedEntries;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_CONTEXTMODEL_H
