//===--- ContextModel.h - ctx-tidy ------------------------------*- C++ -*-===//
//
// What ctx-tidy knows about the libraries it reads, in one place: which types
// are tokens, cancel sources, request contexts, stop callbacks, scope guards
// and threads, how each is cancelled, how its token is handed out, and
// whether a copy of it keeps the shared state alive (the context types, which
// users extend); and the library types around them that the analyses
// recognise (threads, tasks, futures, executors, blocking waits, containers,
// wrappers) with the calls that finish or detach work. Every check and
// analysis asks this one model: no other file names a library type.
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
class CallExpr;
class CXXMemberCallExpr;
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class Expr;
class FunctionDecl;
class NamedDecl;
} // namespace clang

namespace clang::tidy::ctx {

class FunctionNameSet;

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
  /// A default-constructed object has no parent and is never cancelled:
  /// every token type (`std::stop_token{}`, `folly::CancellationToken{}`,
  /// `cppcoro::cancellation_token{}`, ...) and user context types (a Go-style
  /// `Context{}` is a background context).
  bool DefaultIsEmpty = false;
  /// For tokens: the stop-callback class a fix-it writes to run a callable
  /// when the token is cancelled, as `T name(tok, callable);`
  /// ("std::stop_callback"). Empty where no such declaration can be written
  /// (a class template without a deduction guide, a register call).
  std::string CallbackType;
  /// For server-side request contexts: the function that makes a client
  /// context inheriting the call's deadline and cancellation, given the
  /// server context by reference ("grpc::ClientContext::FromServerContext").
  std::string ChildContextFactory;
};

/// Returns a short lower-case noun for \p Role ("token", "cancel source").
llvm::StringRef roleName(ContextRole Role);

/// Parses the annotation string used by include/ctx/annotations.h
/// ("ctx::token", ...) into a role.
std::optional<ContextRole> roleFromAnnotation(llvm::StringRef Annotation);

/// Library types around cancellation that the analyses recognise: what runs
/// the work a token goes to, where that work ends, and how a value is held.
enum class LibraryRole {
  /// std::thread, std::jthread: the work ends at join().
  Thread,
  /// A PPL task (pplx::task, concurrency::task): wait() and get() return
  /// once its work has ended.
  Task,
  /// PPL's task_options: converts from a cancellation token and carries it
  /// into a task's constructor.
  TaskOptions,
  /// std::future, std::shared_future: get() and the waits block until the
  /// work has ended.
  Future,
  /// Runs posted work: boost::asio::execution_context and folly::Executor,
  /// and every class derived from one (io_context, thread_pool, ...).
  Executor,
  /// A synchronization object whose waits block until another thread
  /// signals: condition variables, latch, barrier, absl::Notification.
  Synchronizer,
  /// A sequence container a loop can join: std::vector, std::deque,
  /// std::list.
  SequenceContainer,
  /// std::pair and std::tuple.
  Tuple,
  /// std::function: a type-erased callable.
  FunctionWrapper,
  /// std::shared_ptr: a copy shares ownership of the object.
  SharedPointer,
  /// Refers to an object without owning it: std::reference_wrapper, and the
  /// views std::span, std::basic_string_view, gsl::not_null.
  NonOwningWrapper,
  /// boost::asio::detached_t: the completion token that lets an operation
  /// run unobserved.
  DetachedCompletion,
  /// A span of time or a point in time a call can wait for:
  /// std::chrono::duration, std::chrono::time_point, absl::Duration,
  /// absl::Time. A call given one returns when it passes.
  TimeBound,
  /// Holds at most one object and owns it: std::optional,
  /// seastar::optimized_optional (what abort_source::subscribe returns).
  /// Dropping the wrapper destroys the object.
  OwningOptional,
};

/// One library type of the catalogue.
struct LibraryTypeInfo {
  LibraryRole Role;
  /// The qualified name, as qualifiedNameOf() spells it.
  const char *Name;
  /// Members that block until other work is done, ';'-separated; a name
  /// ending in '*' stands for every member that starts with it ("wait*").
  const char *BlockingMembers;
  /// For NonOwningWrapper: what a diagnostic calls the link
  /// ("std::reference_wrapper", "view").
  const char *Link;
};

/// The catalogue's entry for the class \p T names (typedefs, cv-qualifiers
/// and references looked through, not pointers); null outside it.
const LibraryTypeInfo *libraryTypeOf(QualType T);
const LibraryTypeInfo *libraryTypeOf(const CXXRecordDecl *RD);

/// True if \p T names a library type with role \p Role.
bool hasLibraryRole(QualType T, LibraryRole Role);

/// True if \p RD or one of its bases is a library type with role \p Role.
bool derivesFromLibraryRole(const CXXRecordDecl *RD, LibraryRole Role);

/// True if \p T is a sequence container of threads: std::vector, std::deque
/// or std::list of std::thread or std::jthread.
bool isThreadContainer(QualType T);

/// True if \p M is a member that blocks until other work is done, by the
/// catalogue entry of the class that declares it.
bool isBlockingMember(const CXXMethodDecl *M);

/// The names of the library types with role \p Role, for matchers
/// ("::std::thread").
std::vector<std::string> libraryTypeNames(LibraryRole Role);

/// True if the standard declares \p M non-const although a library may
/// declare it const (libstdc++ 12 has `bool request_stop() const`): a fix
/// must compile against every conforming library.
bool isNonConstByStandard(const CXXMethodDecl *M);

/// True if \p C binds a callable to arguments and returns a callable that
/// runs it: std::bind, std::bind_front, std::bind_back. The callable is the
/// first argument; the others are stored in the result.
bool isCallableBinder(const CallExpr *C);

/// What a member function of a condition variable does.
enum class ConditionWait {
  /// Not a wait of a condition-variable type.
  None,
  /// Blocks until the condition variable is notified: `wait(lock)`,
  /// `wait(lock, pred)` (and `wait(lock, token, pred)`, which a stop request
  /// also ends).
  Untimed,
  /// Blocks until notified or until a duration or a deadline passes:
  /// `wait_for`, `wait_until`.
  Timed,
};

/// The kind of wait \p M is, by the model's catalogue of condition-variable
/// types (std::condition_variable, std::condition_variable_any); None for
/// every other function.
ConditionWait conditionWaitOf(const CXXMethodDecl *M);

/// The condition-variable type whose waits take a token of the type
/// \p Token describes, to name in a diagnostic: "std::condition_variable_any"
/// for std::stop_token. Empty when the model knows none.
llvm::StringRef tokenAwareConditionVariable(const ContextTypeInfo &Token);

/// The object type an owning optional holds (see LibraryRole::OwningOptional):
/// `T` for `seastar::optimized_optional<T>` or `std::optional<T>`; \p T
/// itself for every other type.
QualType lookThroughOwningOptional(QualType T);

/// What a member function of a future type with continuations does
/// (seastar::future).
enum class FutureMember {
  /// Not a member of such a future type, or one that neither chains nor
  /// continues (get, wait, available).
  None,
  /// Takes a callable and returns a future that completes after the
  /// callable ran: then, then_wrapped, then_unpack, finally,
  /// handle_exception, handle_exception_type. The callable is the first
  /// argument.
  Continuation,
  /// Returns a future of the same work without taking a callable:
  /// discard_result, or_terminate.
  Chained,
};

/// The kind of member \p M is, by the model's catalogue of future types
/// with continuations; None for every other function.
FutureMember futureMemberOf(const CXXMethodDecl *M);

/// True if assigning to \p E throws the value away: \p E names std::ignore.
bool isDiscardingTarget(const Expr *E);

/// The default of the SynchronousCalls option: calls that finish the work
/// they are given before they return.
extern const char DefaultSynchronousCalls[];

/// The fire-and-forget calls known without configuration (the defaults of
/// the DetachingCalls option); null-terminated.
extern const char *const DefaultDetachingCalls[];

/// The type U (with its cv-qualifiers) when \p T, cv-qualifiers and
/// references looked through, is std::optional<std::reference_wrapper<U>>:
/// an optional reference, as an abort source is sometimes passed. Null
/// otherwise.
QualType optionalReferenceTarget(QualType T);

/// True if \p T, cv-qualifiers and references looked through, is
/// std::nullopt_t.
bool isNulloptType(QualType T);

/// True if \p T, cv-qualifiers and references looked through, is a
/// specialization of std::optional.
bool isOptionalType(QualType T);

/// True if a value of type \p From converts implicitly to type \p To where
/// both are std::chrono::duration specializations and the conversion loses
/// nothing the standard forbids to lose implicitly: \p To has a floating
/// representation, or both are integral and \p From's period is a whole
/// multiple of \p To's (seconds to nanoseconds, not the other way, not 1.5s
/// to nanoseconds). False for anything else.
bool durationConvertsImplicitly(QualType From, QualType To);

/// The default of ctx-unforwarded-token's TokenVariants option: a function
/// and its variant under another name that also takes a token
/// ("seastar::sleep=seastar::sleep_abortable").
extern const char DefaultTokenVariants[];

/// The first link on the way from a type to the object it designates that
/// does not own that object.
enum class TypeLink { None, Reference, Pointer };

/// The canonical type \p T designates once references, pointers and arrays
/// are looked through; \p First is set to the first reference or pointer on
/// the way (an array owns its elements), None when there is none. The one
/// step every walk into a type (ContextModel::findInside, the storage
/// analysis) takes at each level.
QualType lookThroughIndirection(QualType T, TypeLink &First);

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
  /// (grpc::ServerReader, ServerWriter, ServerReaderWriter). In a template,
  /// a call of a member of those names on an object whose type depends on a
  /// template parameter is taken as one too: `stream->Read(&req)` in a
  /// handler templated over its stream type cannot be resolved, and the
  /// names are the streams'.
  bool returnsFalseOnceCancelled(const CallExpr *Call,
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

  // The cancellation chain: which calls derive a token or context from the
  // ones they are given, which make one with no parent, and which values
  // are never cancelled.

  /// Adds a function that returns a context derived from its arguments (or,
  /// for a member function, from its object): "ctxlib::with_value",
  /// "ctxlib::Context::with_value" (DerivingFunctions, CTX_DERIVES).
  void addDerivingFunction(llvm::StringRef QualifiedFunctionName);
  /// Adds a function that returns a context with no parent:
  /// "ctxlib::Context::background" (RootContexts).
  void addRootContext(llvm::StringRef QualifiedFunctionName);

  /// What a call does to the cancellation chain.
  enum class ChainCall {
    /// Nothing the model knows.
    None,
    /// Returns a token or context derived from what it is given (its
    /// arguments and, for a member function, its object): a cancel of any of
    /// them reaches the result. Merges (folly::CancellationToken::merge,
    /// folly::cancellation_token_merge), gRPC's
    /// ClientContext::FromServerContext and FromCallbackServerContext, cancel
    /// factories (CancelFactories, CTX_CANCEL_FACTORY), DerivingFunctions
    /// and CTX_DERIVES. Such a call makes a token; it hands nothing to work.
    Derives,
    /// Returns a token or context with no parent, never cancelled by anyone
    /// upstream: pplx::cancellation_token::none(), RootContexts.
    Root,
  };
  /// What the call \p Call (a call, a member call, a call of a function
  /// object, or an unresolved call in a template) does to the chain.
  ChainCall chainCallOf(const Expr *Call, const ASTContext &Ctx) const;
  /// True if \p Call derives a token or context from what it is given (see
  /// ChainCall::Derives): passing a token to it makes a new token, it does
  /// not hand the token to work.
  bool isDerivingCall(const Expr *Call, const ASTContext &Ctx) const {
    return chainCallOf(Call, Ctx) == ChainCall::Derives;
  }
  /// The values \p Call derives from when it is a deriving call: the object
  /// of a member call, then the arguments (not the function object of
  /// `folly::cancellation_token_merge(a, b)`). Empty otherwise.
  llvm::SmallVector<const Expr *, 4>
  derivationParents(const Expr *Call, const ASTContext &Ctx) const;

  /// True if \p T is a token type that can never be stopped, whatever its
  /// value: unifex::unstoppable_token, stdexec::never_stop_token. Such types
  /// are not tokens of the catalogue (nothing observes them); they are what
  /// code passes where it means "no cancellation".
  bool isNeverStoppingToken(QualType T, const ASTContext &Ctx) const;
  /// True if a default-constructed \p T has no parent and is never
  /// cancelled (see ContextTypeInfo::DefaultIsEmpty), or \p T can never be
  /// stopped.
  bool isEmptyWhenDefaultConstructed(QualType T, const ASTContext &Ctx) const;

  /// True if \p M gives a request context its own deadline, so that a call
  /// made with it is bounded in time (grpc::ClientContext::set_deadline).
  bool isDeadlineMethod(const CXXMethodDecl *M, const ASTContext &Ctx) const;
  /// True if \p M is a method of a gRPC stub that starts an outgoing call:
  /// a member of a class protoc generates for a service's client side
  /// (`Service::Stub`, `Service::StubInterface`, and the classes nested in
  /// them such as `Stub::async`), or of grpc::GenericStub.
  bool isStubMethod(const CXXMethodDecl *M) const;

private:
  void bind(const ASTContext &Ctx) const;
  const ContextTypeInfo *infoForAnnotated(const CXXRecordDecl *RD,
                                          ContextRole Role) const;
  bool methodNamed(
      const CXXMethodDecl *M,
      const llvm::StringMap<llvm::SmallVector<std::string, 2>> &ByClass) const;

  std::vector<std::unique_ptr<ContextTypeInfo>> Entries;
  llvm::StringMap<ContextTypeInfo *> ByName;
  /// User method lists keyed by class name: "my::Source" -> {"stop"}.
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserCancelMethods;
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserTokenMethods;
  llvm::StringMap<llvm::SmallVector<std::string, 2>> UserObserveMethods;
  std::vector<std::string> CancelFactories;
  /// DerivingFunctions and RootContexts, as given.
  std::unique_ptr<FunctionNameSet> DerivingFunctions;
  std::unique_ptr<FunctionNameSet> RootContexts;

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
