//===--- DetachedRefCaptureCheck.cpp - ctx-tidy ---------------------------===//

#include "checks/DetachedRefCaptureCheck.h"
#include "lib/CaptureAnalysis.h"
#include "lib/CaptureFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

const char *whoUses(DetachKind K) {
  switch (K) {
  case DetachKind::DetachedThread:
    return "a detached thread";
  case DetachKind::FireAndForget:
    return "a fire-and-forget task";
  case DetachKind::EscapingAsync:
    return "an unawaited std::async task";
  case DetachKind::GrpcCallback:
    return "a gRPC callback";
  case DetachKind::DiscardedContinuation:
    return "a discarded continuation";
  }
  return "a detached task";
}

const char *howReached(ReachWay W) {
  switch (W) {
  case ReachWay::ByReference:
  case ReachWay::DefaultByReference:
    return "captured by reference";
  case ReachWay::BoundByReference:
    return "bound by reference";
  case ReachWay::ThroughThis:
    return "captured through 'this'";
  case ReachWay::RawPointer:
    return "captured through a raw pointer";
  case ReachWay::NonOwningHandle:
    return "";
  }
  return "";
}

/// The compound statement whose scope \p VD lives in, or null.
const Stmt *scopeOf(const VarDecl *VD, const ParentIndex &Parents) {
  DynTypedNodeList Ps = Parents.parents(*VD);
  const auto *DS = Ps.size() == 1 ? Ps[0].get<DeclStmt>() : nullptr;
  if (!DS)
    return nullptr;
  DynTypedNodeList GPs = Parents.parents(*DS);
  return GPs.size() == 1 ? GPs[0].get<Stmt>() : nullptr;
}

/// True if \p Object is still alive when the local execution context
/// \p Context is destroyed: a member, a parameter, or a local declared before
/// it in an enclosing scope.
bool outlives(const ValueDecl *Object, const VarDecl *Context,
              const ParentIndex &Parents) {
  const ASTContext &Ctx = Parents.context();
  const auto *VD = dyn_cast<VarDecl>(Object);
  if (!VD || isa<ParmVarDecl>(VD))
    return true;
  if (!Ctx.getSourceManager().isBeforeInTranslationUnit(VD->getLocation(),
                                                        Context->getLocation()))
    return false;
  const Stmt *ObjectScope = scopeOf(VD, Parents);
  const Stmt *ContextScope = scopeOf(Context, Parents);
  return ObjectScope && ContextScope && containsStmt(ObjectScope, ContextScope);
}

} // namespace

DetachedRefCaptureCheck::DetachedRefCaptureCheck(llvm::StringRef Name,
                                                 ClangTidyContext *Context)
    : ContextCheckBase(Name, Context),
      RawDetachingCalls(Options.get("DetachingCalls", "")),
      RawBackgroundCalls(Options.get("BackgroundCalls", "")) {
  Sites = std::make_unique<DetachSiteFinder>(
      model(), readNameList("DetachingCalls", /*Global=*/false),
      readNameList("BackgroundCalls", /*Global=*/false));
}

DetachedRefCaptureCheck::~DetachedRefCaptureCheck() = default;

void DetachedRefCaptureCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContextCheckBase::storeOptions(Opts);
  Options.store(Opts, "DetachingCalls", RawDetachingCalls);
  Options.store(Opts, "BackgroundCalls", RawBackgroundCalls);
}

void DetachedRefCaptureCheck::onStartOfTranslationUnit() {
  ContextCheckBase::onStartOfTranslationUnit();
  Sites->reset();
  Reported.clear();
}

void DetachedRefCaptureCheck::registerMatchers(MatchFinder *Finder) {
  // Template instantiations are matched too, but they are not in the parent
  // index, so no site is found in them: the template is analysed as written.
  // (The isInTemplateInstantiation() matcher would index the parents of the
  // whole translation unit, system headers included, on every call.)
  std::vector<std::string> Threads = libraryTypeNames(LibraryRole::Thread);
  std::vector<llvm::StringRef> Names(Threads.begin(), Threads.end());
  // The type as the compiler sees it: aliases (`using Watcher =
  // std::jthread;`) are looked through.
  auto ThreadType = hasType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(hasAnyName(Names))))));
  Finder->addMatcher(cxxConstructExpr(ThreadType).bind("thread"), this);
  // In a template, a thread built from a lambda of dependent type is not
  // resolved yet.
  Finder->addMatcher(cxxUnresolvedConstructExpr(ThreadType).bind("thread"),
                     this);
  Finder->addMatcher(callExpr(argumentCountAtLeast(1)).bind("call"), this);
}

void DetachedRefCaptureCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  std::optional<DetachSite> Site;
  if (const auto *T = Result.Nodes.getNodeAs<Expr>("thread"))
    Site = Sites->threadSite(T, parents(Ctx));
  else if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("call"))
    Site = Sites->callSite(C, parents(Ctx));
  if (Site)
    report(*Site, Ctx);
}

void DetachedRefCaptureCheck::report(const DetachSite &Site, ASTContext &Ctx) {
  // What the callable reaches: a lambda's captures, std::ref arguments
  // forwarded with it, or those of a std::bind.
  const LambdaExpr *Lambda = lambdaOf(Site.Callable);
  llvm::SmallVector<const Expr *, 4> Forwarded(Site.ForwardedArgs.begin(),
                                               Site.ForwardedArgs.end());
  const FunctionDecl *ForwardedTo = Site.ForwardedTo;
  if (const CallExpr *Bind = bindCallOf(Site.Callable)) {
    Lambda = Bind->getNumArgs() > 0 ? lambdaOf(Bind->getArg(0)) : nullptr;
    Forwarded.assign(Bind->arg_begin() + (Bind->getNumArgs() > 0 ? 1 : 0),
                     Bind->arg_end());
    ForwardedTo = nullptr;
    if (Bind->getNumArgs() > 0) {
      const Expr *F = Bind->getArg(0)->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(F))
        F = UO->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(F))
        ForwardedTo = dyn_cast<FunctionDecl>(DRE->getDecl());
    }
  }
  if (isa_and_nonnull<CXXMethodDecl>(ForwardedTo))
    ForwardedTo = nullptr; // The object comes first; no plain mapping.

  llvm::SmallVector<ContextReach, 4> Reaches;
  if (Lambda)
    Reaches = findContextReaches(Lambda, model(), Ctx);
  llvm::SmallVector<ContextReach, 2> Bound =
      findBoundReferences(Forwarded, model(), Ctx);

  auto Keep = [&](const ContextReach &R) {
    if (Site.Kind == DetachKind::EscapingAsync &&
        R.Way == ReachWay::ThroughThis)
      return false;
    // A discarded continuation outlives the function, not the object that
    // attached it: members and statics stay alive (a service's abort source
    // captured through 'this' is Seastar's usual, correct form).
    // main's own locals outlive the reactor it runs (`engine().run()`,
    // `app.run(...)`), and with it every continuation.
    if (Site.Kind == DetachKind::DiscardedContinuation) {
      const ValueDecl *Object = R.Source ? R.Source : R.Object;
      const auto *Fn =
          dyn_cast_or_null<FunctionDecl>(Object->getParentFunctionOrMethod());
      if (!endsWithFunction(Object) || (Fn && Fn->isMain()))
        return false;
    }
    if (Site.LocalExecutionContext) {
      const ValueDecl *Object = R.Source ? R.Source : R.Object;
      if (outlives(Object, Site.LocalExecutionContext, parents(Ctx)))
        return false;
    }
    return Reported.insert({R.Object, R.Loc.getRawEncoding()}).second;
  };
  llvm::erase_if(Reaches, [&](const ContextReach &R) { return !Keep(R); });
  llvm::erase_if(Bound, [&](const ContextReach &R) { return !Keep(R); });
  if (Reaches.empty() && Bound.empty())
    return;

  CaptureFix Fix = buildCaptureFix(Lambda, Reaches, parents(Ctx));
  bool FixAttached = false;
  const char *Who = whoUses(Site.Kind);

  auto Emit = [&](const ContextReach &R, llvm::ArrayRef<FixItHint> Edits,
                  bool Fixed) {
    {
      auto D =
          R.Way == ReachWay::NonOwningHandle
              ? diag(R.Loc, "%0 '%1' points into %2 '%3', which may be "
                            "destroyed while %4 still uses it")
                    << roleName(R.Info->Role) << R.Object->getName()
                    << (R.SourceInfo ? roleName(R.SourceInfo->Role)
                                     : llvm::StringRef("source"))
                    << R.Source->getName() << Who
              : diag(R.Loc, "%0 '%1' %2 may be destroyed while %3 still uses "
                            "it")
                    << roleName(R.Info->Role) << R.Object->getName()
                    << howReached(R.Way) << Who;
      for (const FixItHint &H : Edits)
        D << H;
    }
    switch (Site.Kind) {
    case DetachKind::DetachedThread:
      diag(Site.At, "the thread is detached here", DiagnosticIDs::Note);
      break;
    case DetachKind::FireAndForget:
      diag(Site.At, "the task is handed to '%0' here and nothing waits for it",
           DiagnosticIDs::Note)
          << Site.Callee;
      break;
    case DetachKind::EscapingAsync:
      diag(Site.At, "the future of 'std::async' leaves the scope here",
           DiagnosticIDs::Note);
      break;
    case DetachKind::GrpcCallback:
      diag(Site.At, "the callback of '%0' runs when the call completes",
           DiagnosticIDs::Note)
          << Site.Callee;
      if (Site.UnwaitedExit.isValid())
        diag(Site.UnwaitedExit,
             "this path leaves the function without waiting for the callback",
             DiagnosticIDs::Note);
      break;
    case DetachKind::DiscardedContinuation:
      if (Site.Callee.empty())
        diag(Site.At,
             "the continuation's future is discarded here and nothing waits "
             "for it",
             DiagnosticIDs::Note);
      else
        diag(Site.At,
             "the continuation's future is handed to '%0' here and nothing "
             "waits for it",
             DiagnosticIDs::Note)
            << Site.Callee;
      break;
    }
    if (Fixed)
      return;
    if (R.Way == ReachWay::NonOwningHandle && R.SourceInfo) {
      diag(R.Loc,
           "give the task ownership: a 'std::shared_ptr<%0>' captured by "
           "value, or an owning token type",
           DiagnosticIDs::Note)
          << R.SourceInfo->Name;
    } else if (R.Info->Copy == CopySemantics::PointsIntoSource) {
      diag(R.Loc,
           "give the task ownership of the source '%0' points into, or use "
           "an owning token type",
           DiagnosticIDs::Note)
          << R.Object->getName();
    } else if (R.Way == ReachWay::RawPointer ||
               R.Info->Copy != CopySemantics::OwnsState) {
      diag(R.Loc,
           "give the task ownership: a 'std::shared_ptr<%0>' captured by value",
           DiagnosticIDs::Note)
          << R.Info->Name;
    }
  };

  for (const ContextReach &R : Reaches) {
    bool Fixed = Fix.Fixed.contains(R.Object);
    llvm::ArrayRef<FixItHint> Edits;
    if (!FixAttached && !Fix.Edits.empty()) {
      Edits = Fix.Edits;
      FixAttached = true;
    }
    Emit(R, Edits, Fixed);
  }
  for (const ContextReach &R : Bound) {
    const ParmVarDecl *Param = nullptr;
    if (ForwardedTo)
      for (unsigned I = 0; I < Forwarded.size(); ++I)
        if (R.BoundRef &&
            Forwarded[I]->IgnoreImplicit() ==
                static_cast<const Expr *>(R.BoundRef) &&
            I < ForwardedTo->getNumParams())
          Param = ForwardedTo->getParamDecl(I);
    std::optional<FixItHint> H = buildBoundCopyFix(R, Param, Ctx);
    if (H)
      Emit(R, *H, true);
    else
      Emit(R, {}, false);
  }
}

} // namespace clang::tidy::ctx
