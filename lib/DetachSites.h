//===--- DetachSites.h - ctx-tidy -------------------------------*- C++ -*-===//
//
// Where a callable is handed to something that outlives the current scope:
// a std::thread or std::jthread that this function detaches on some path, a
// fire-and-forget call (DetachingCalls), a std::async whose future escapes,
// a gRPC callback-API call on a local context with an exit reachable
// without a blocking wait, and a continuation on a future (seastar's
// `.then(...)`) whose future is thrown away. Each question is answered on the
// enclosing function's CFG, built once per function.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_DETACHSITES_H
#define CTX_TIDY_LIB_DETACHSITES_H

#include "lib/ContextModel.h"
#include "lib/ExitPaths.h"
#include "lib/FunctionNameSet.h"
#include "lib/ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::ctx {

/// What outlives the scope.
enum class DetachKind {
  /// A std::thread or std::jthread detached by this function.
  DetachedThread,
  /// A call in DetachingCalls (boost::asio::post, folly::Executor::add).
  FireAndForget,
  /// std::async whose future is returned or stored beyond this frame.
  EscapingAsync,
  /// A gRPC callback-API call on a local context, not waited for.
  GrpcCallback,
  /// A continuation (`fut.then(f)`, `.finally(f)`, and chains of them) whose
  /// future is discarded: an expression statement, a cast to void,
  /// `std::ignore = ...`, or an argument of a BackgroundCalls function.
  DiscardedContinuation,
};

/// A place where a callable starts running beyond the current scope.
struct DetachSite {
  DetachKind Kind = DetachKind::DetachedThread;
  /// The callable handed over (a lambda, a named lambda, a std::bind call).
  const Expr *Callable = nullptr;
  /// Arguments handed over together with the callable (std::thread and
  /// std::async forward them to it); std::ref arguments are looked for here.
  llvm::SmallVector<const Expr *, 4> ForwardedArgs;
  /// The function the forwarded arguments are passed to, when it is named.
  const FunctionDecl *ForwardedTo = nullptr;
  /// Where the callable escapes: the detach() call, the posting call, where
  /// the future escapes, the gRPC call.
  SourceLocation At;
  /// The callee's name for the note ("boost::asio::post"); for a discarded
  /// continuation, the BackgroundCalls function its future is handed to,
  /// empty when it is thrown away.
  std::string Callee;
  /// For gRPC: the exit reached without a blocking wait (the closing brace
  /// of the function when the path falls off its end).
  SourceLocation UnwaitedExit;
  /// A local execution context (io_context, thread_pool) that runs the task
  /// and is destroyed at the end of its scope, before anything declared
  /// ahead of it in an enclosing scope: objects that outlive it are safe.
  const VarDecl *LocalExecutionContext = nullptr;
};

/// Where the future of a continuation chain is thrown away.
struct FutureDiscard {
  /// The discarding construct: the statement, the cast to void, the
  /// `std::ignore`, the call of the BackgroundCalls function.
  SourceLocation At;
  /// The BackgroundCalls function the future is handed to; null when it is
  /// thrown away.
  const FunctionDecl *HandedTo = nullptr;
};

/// Where the future that the continuation call \p Continuation (`f.then(g)`)
/// returns is discarded, once the calls that continue the chain
/// (`.finally(h)`, `.discard_result()`) are climbed: an expression
/// statement, a cast to void, the left side of a comma, `std::ignore = ...`,
/// or an argument of a function in \p Background. None when the future is
/// returned, awaited, waited for, stored, or passed to any other call.
std::optional<FutureDiscard>
discardedFutureOf(const CallExpr *Continuation, const ParentIndex &Parents,
                  const FunctionNameSet &Background);

/// Finds detach sites. Holds the per-function CFGs it builds; call reset()
/// when a new translation unit starts.
class DetachSiteFinder {
public:
  /// \p DetachingCalls are qualified function names ("boost::asio::post") or
  /// member functions ("folly::Executor::add", which matches overriders and
  /// the same name in derived classes).
  /// \p BackgroundCalls are functions that take a future and let it run
  /// unobserved ("utils::run_in_background").
  DetachSiteFinder(const ContextModel &Model,
                   std::vector<std::string> DetachingCalls,
                   std::vector<std::string> BackgroundCalls = {});
  ~DetachSiteFinder();

  /// The site started by a std::thread/std::jthread construction \p E: a
  /// CXXConstructExpr, or a CXXUnresolvedConstructExpr in a template.
  std::optional<DetachSite> threadSite(const Expr *E,
                                       const ParentIndex &Parents);
  /// The site started by the call \p E: std::async, a detaching call, a
  /// gRPC callback-API call, a continuation whose future is discarded.
  std::optional<DetachSite> callSite(const CallExpr *E,
                                     const ParentIndex &Parents);

  void reset();

  struct Frame;

private:
  enum class CalleeKind { None, Async, Detaching, GrpcCallback, Continuation };
  CalleeKind classifyCallee(const FunctionDecl *FD, ASTContext &Ctx) const;
  Frame *frameOf(const Expr *E, const ParentIndex &Parents);
  std::optional<DetachSite> asyncSite(const CallExpr *E, Frame &F,
                                      const ParentIndex &Parents);
  std::optional<DetachSite> grpcSite(const CallExpr *E, Frame &F,
                                     const ParentIndex &Parents);
  std::optional<DetachSite> fireAndForgetSite(const CallExpr *E, Frame &F,
                                              const ParentIndex &Parents);
  std::optional<DetachSite> continuationSite(const CallExpr *E,
                                             const ParentIndex &Parents);

  const ContextModel &Model;
  /// The fire-and-forget calls, defaults and DetachingCalls; a member
  /// entry also names its overriders.
  FunctionNameSet Detaching;
  /// BackgroundCalls: a future handed to one is discarded.
  FunctionNameSet Background;
  llvm::DenseMap<const Stmt *, std::unique_ptr<Frame>> Frames;
  llvm::DenseMap<const FunctionDecl *, CalleeKind> CalleeKinds;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_DETACHSITES_H
