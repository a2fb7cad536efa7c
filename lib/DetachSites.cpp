//===--- DetachSites.cpp - ctx-tidy ---------------------------------------===//

#include "lib/DetachSites.h"
#include "lib/CaptureAnalysis.h"
#include "lib/ExprShapes.h"
#include "lib/ValueUses.h"
#include "lib/WorkEnds.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::ctx {

/// The function being analysed: its body, its CFG (built on first use) and
/// the statements that block until other work is done.
struct DetachSiteFinder::Frame {
  const Decl *D = nullptr;
  const Stmt *Body = nullptr;
  bool IsMain = false;
  bool Built = false;
  std::unique_ptr<ExitPathAnalysis> Paths;
  /// Blocking waits, and every statement of the condition of a loop whose
  /// body waits ("while (!done) cv.wait(lock);" waits when it must).
  llvm::DenseSet<const Stmt *> Waits;

  ExitPathAnalysis *paths(ASTContext &Ctx) {
    if (!Built) {
      Built = true;
      Paths = ExitPathAnalysis::build(D, Body, Ctx);
    }
    return Paths.get();
  }
  bool isWait(const CFGElement &E) const {
    const Stmt *S = ExitPathAnalysis::statementOf(E);
    return S && Waits.contains(S);
  }
};

namespace {

/// The local variable \p E names, if it is one with automatic storage that
/// is not a reference.
const VarDecl *localObject(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(ignoreTemporaries(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
      !VD->getType()->isReferenceType())
    return VD;
  return nullptr;
}

void collectMemberCalls(const Stmt *S, const VarDecl *Object,
                        llvm::StringRef Method,
                        llvm::SmallVectorImpl<const CXXMemberCallExpr *> &Out) {
  if (!S)
    return;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == Method &&
          localObject(MC->getImplicitObjectArgument()) == Object)
        Out.push_back(MC);
  for (const Stmt *Child : S->children())
    collectMemberCalls(Child, Object, Method, Out);
}

bool isMoveOf(const Stmt *S, const VarDecl *Object) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CallExpr>(S))
    if (isMoveCall(C) && localObject(C->getArg(0)) == Object)
      return true;
  for (const Stmt *Child : S->children())
    if (isMoveOf(Child, Object))
      return true;
  return false;
}

/// Climbs from \p E as climb() does, and on through a construction that
/// takes the value as its first argument (a future converted into a
/// shared_future): where the new object goes, the value goes.
Climbed climbThroughConversions(const Expr *E, const ParentIndex &Parents) {
  Climbed Up = climb(E, Parents);
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const auto *CE = Up.Parent.get<CXXConstructExpr>();
    if (!CE || CE->getNumArgs() < 1 || CE->getArg(0) != Up.Top)
      return Up;
    Climbed Next = climb(CE, Parents);
    Next.Copied |= Up.Copied;
    Next.Moved |= Up.Moved;
    Next.Conditional |= Up.Conditional;
    Up = Next;
  }
  return Up;
}

std::optional<SourceLocation> escapeOfLocal(const VarDecl *VD, const Stmt *Body,
                                            const ParentIndex &Parents,
                                            unsigned Depth);

/// Where the value that \p Up climbed to goes when it leaves this frame:
/// returned, stored in a member, a global or a container that is not
/// local, or passed to a function. None while it stays in a local (whose
/// destructor runs here).
std::optional<SourceLocation> escapeAt(const Climbed &Up, const Stmt *Body,
                                       const ParentIndex &Parents,
                                       unsigned Depth) {
  if (Depth > 4 || Up.Conditional)
    return std::nullopt;
  if (const auto *VD = Up.Parent.get<VarDecl>())
    return escapeOfLocal(VD, Body, Parents, Depth);
  if (Up.Parent.get<FieldDecl>())
    return Up.Top->getBeginLoc();
  if (const auto *R = Up.Parent.get<ReturnStmt>())
    return R->getBeginLoc();
  const auto *P = Up.Parent.get<Expr>();
  if (!P)
    return std::nullopt;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Up.Top) {
      if (const VarDecl *Local = localObject(Op->getArg(0)))
        return escapeOfLocal(Local, Body, Parents, Depth);
      return Op->getBeginLoc();
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
    // An argument: stored in the object; safe when that is a local.
    if (localObject(MC->getImplicitObjectArgument()))
      return std::nullopt;
    return MC->getBeginLoc();
  }
  if (const auto *C = dyn_cast<CallExpr>(P))
    return C->getBeginLoc();
  // fut.get(), fut.wait(), and anything else that reads it here.
  return std::nullopt;
}

/// Where the value of \p E goes when it leaves this frame (see escapeAt).
std::optional<SourceLocation> escapeOf(const Expr *E, const Stmt *Body,
                                       const ParentIndex &Parents,
                                       unsigned Depth = 0) {
  return escapeAt(climbThroughConversions(E, Parents), Body, Parents, Depth);
}

/// Where the local \p VD leaves this frame: returned, or moved somewhere
/// escapeAt() says leaves. Other uses read it or lend it.
std::optional<SourceLocation> escapeOfLocal(const VarDecl *VD, const Stmt *Body,
                                            const ParentIndex &Parents,
                                            unsigned Depth) {
  if (!VD->hasLocalStorage())
    return VD->getLocation();
  for (const Expr *Use : usesOf(VD, Body)) {
    Climbed Up = climbThroughConversions(Use, Parents);
    if (Up.Conditional)
      continue;
    if (const auto *R = Up.Parent.get<ReturnStmt>())
      return R->getBeginLoc();
    if (Up.Moved)
      if (std::optional<SourceLocation> L =
              escapeAt(Up, Body, Parents, Depth + 1))
        return L;
  }
  return std::nullopt;
}

/// Follows an executor expression to the object behind it: through
/// construction from another executor, '&', get_executor(), and a local
/// executor initialized from one of those, until \p Names accepts an
/// expression (returning what it names) or the trail ends.
template <typename NamesContext>
const ValueDecl *followExecutor(const Expr *Executor, NamesContext Names,
                                unsigned Depth = 0) {
  const Expr *E = ignoreTemporaries(Executor);
  if (!E || Depth > 2)
    return nullptr;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() >= 1)
      return followExecutor(CE->getArg(0), Names, Depth + 1);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return followExecutor(UO->getSubExpr(), Names, Depth + 1);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "get_executor")
        return followExecutor(MC->getImplicitObjectArgument(), Names,
                              Depth + 1);
  if (const ValueDecl *D = Names(E))
    return D;
  if (const VarDecl *VD = localObject(E))
    if (VD->getInit())
      return followExecutor(VD->getInit(), Names, Depth + 1);
  return nullptr;
}

bool isExecutionContextType(QualType T) {
  return derivesFromLibraryRole(T.getNonReferenceType()->getAsCXXRecordDecl(),
                                LibraryRole::Executor);
}

/// The local execution context \p Executor belongs to: "io", "pool",
/// "io.get_executor()", or a local executor initialized from one of those.
const VarDecl *executionContextOf(const Expr *Executor) {
  return cast_or_null<VarDecl>(
      followExecutor(Executor, [](const Expr *E) -> const ValueDecl * {
        // A by-value local only: a local reference names someone else's.
        const VarDecl *VD = localObject(E);
        const CXXRecordDecl *RD =
            VD ? VD->getType()->getAsCXXRecordDecl() : nullptr;
        return derivesFromLibraryRole(RD, LibraryRole::Executor) ? VD : nullptr;
      }));
}

/// An execution context that is not a by-value local of this frame and
/// always names the same object here: a member of *this ("ioc_",
/// "this->ioc_"), a reference or parameter, a global. Returns the member's
/// FieldDecl or the VarDecl. Pointers are left out (they may be reseated).
const ValueDecl *stableContextObject(const Expr *E) {
  E = ignoreTemporaries(E);
  if (!E)
    return nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (FD && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
        isExecutionContextType(FD->getType()))
      return FD;
    return nullptr;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (VD && isExecutionContextType(VD->getType()))
    return VD;
  return nullptr;
}

/// The execution context of any storage that \p Executor belongs to, for
/// the contexts stableContextObject() accepts; followed through
/// get_executor(), & and a local executor initialized from one of those.
const ValueDecl *anyExecutionContextOf(const Expr *Executor) {
  return followExecutor(Executor, stableContextObject);
}

/// Where a call names its callee: "post" in "boost::asio::post(...)",
/// "add" in "ex->add(...)".
SourceLocation calleeNameLoc(const CallExpr *E) {
  const Expr *Callee = E->getCallee()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
    return DRE->getLocation();
  if (const auto *ME = dyn_cast<MemberExpr>(Callee))
    return ME->getMemberLoc();
  return E->getExprLoc();
}

/// True if the element runs or joins the local context \p Context.
bool runsOrJoins(const CFGElement &El, const VarDecl *Context) {
  const Expr *Executor = executorWaitedOn(ExitPathAnalysis::statementOf(El));
  return Executor && localObject(Executor) == Context;
}

/// True if the element runs or joins the context \p Context (as
/// anyExecutionContextOf() names it) inside \p Scope.
bool runsOrJoinsWithin(const CFGElement &El, const ValueDecl *Context,
                       const Stmt *Scope) {
  const Stmt *S = ExitPathAnalysis::statementOf(El);
  const Expr *Executor = executorWaitedOn(S);
  return Executor && stableContextObject(Executor) == Context &&
         containsStmt(Scope, S);
}

/// True if the value of the call \p E is waited for at once:
/// "folly::via(ex, f).get()".
bool waitedAtOnce(const Expr *E, const ParentIndex &Parents) {
  llvm::StringRef N = methodName(memberCallOn(E, Parents));
  return N == "get" || N == "wait";
}

/// The local variable initialized with the value of the call \p E.
const VarDecl *resultVariable(const Expr *E, const ParentIndex &Parents) {
  Climbed Up = climbThroughConversions(E, Parents);
  const auto *VD = Up.Parent.get<VarDecl>();
  if (!VD || Up.Moved || Up.Conditional)
    return nullptr;
  return VD->hasLocalStorage() && !VD->getType()->isReferenceType() ? VD
                                                                    : nullptr;
}

/// Where the value \p Up climbed to is thrown away, by what consumes it.
std::optional<FutureDiscard> discardOf(const Climbed &Up,
                                       const ParentIndex &Parents,
                                       const FunctionNameSet &Background) {
  if (Up.Copied || Up.Moved || Up.Conditional)
    return std::nullopt;
  if (const auto *Cast = Up.Parent.get<ExplicitCastExpr>())
    if (Cast->getTypeAsWritten()->isVoidType())
      return FutureDiscard{Cast->getBeginLoc()};
  if (const auto *BO = Up.Parent.get<BinaryOperator>()) {
    if (BO->getOpcode() == BO_Comma && BO->getLHS() == Up.Top)
      return FutureDiscard{Up.Top->getBeginLoc()};
    // `std::ignore = fut` in a template, before the operator is resolved.
    if (BO->getOpcode() == BO_Assign && BO->getRHS() == Up.Top &&
        isDiscardingTarget(BO->getLHS()))
      return FutureDiscard{BO->getBeginLoc()};
    return std::nullopt;
  }
  if (const auto *Op = Up.Parent.get<CXXOperatorCallExpr>()) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Up.Top && isDiscardingTarget(Op->getArg(0)))
      return FutureDiscard{Op->getBeginLoc()};
    return std::nullopt;
  }
  if (const auto *C = Up.Parent.get<CallExpr>()) {
    if (!Background.empty() && llvm::is_contained(C->arguments(), Up.Top) &&
        Background.containsCallee(C, Parents.context()))
      return FutureDiscard{calleeNameLoc(C), C->getDirectCallee()};
    return std::nullopt;
  }
  const auto *S = Up.Parent.get<Stmt>();
  if (S && !isa<Expr>(S) &&
      llvm::is_contained(statementsInStatementPosition(S), Up.Top))
    return FutureDiscard{Up.Top->getBeginLoc()};
  return std::nullopt;
}

} // namespace

std::optional<FutureDiscard>
discardedFutureOf(const CallExpr *Continuation, const ParentIndex &Parents,
                  const FunctionNameSet &Background) {
  if (!Continuation)
    return std::nullopt;
  // Up the chain: `.finally(h)`, `.handle_exception(h)`, `.discard_result()`
  // on the value continue it; any other member (get, wait) consumes it.
  const Expr *Top = Continuation;
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const CXXMemberCallExpr *Next = memberCallOn(Top, Parents);
    if (!Next)
      return discardOf(climb(Top, Parents), Parents, Background);
    if (futureMemberOf(Next->getMethodDecl()) == FutureMember::None)
      return std::nullopt;
    Top = Next;
  }
  return std::nullopt;
}

DetachSiteFinder::DetachSiteFinder(const ContextModel &Model,
                                   std::vector<std::string> DetachingCalls,
                                   std::vector<std::string> BackgroundCalls)
    : Model(Model), Detaching(FunctionNameSet::DerivedClasses::Included),
      Background(FunctionNameSet::DerivedClasses::Included) {
  for (const char *const *D = DefaultDetachingCalls; *D; ++D)
    Detaching.add(*D);
  for (const std::string &N : DetachingCalls)
    Detaching.add(N);
  for (const std::string &N : BackgroundCalls)
    Background.add(N);
}

DetachSiteFinder::~DetachSiteFinder() = default;

void DetachSiteFinder::reset() {
  Frames.clear();
  CalleeKinds.clear();
}

DetachSiteFinder::Frame *DetachSiteFinder::frameOf(const Expr *E,
                                                   const ParentIndex &Parents) {
  // Code in system headers and in template instantiations is not indexed:
  // no frame, no site.
  auto [D, Body] = Parents.enclosingBody(*E);
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  if (FD && !FD->doesThisDeclarationHaveABody())
    return nullptr;
  bool IsMain = FD && FD->isMain();
  if (!D || !Body)
    return nullptr;
  std::unique_ptr<Frame> &Slot = Frames[Body];
  if (!Slot) {
    Slot = std::make_unique<Frame>();
    Slot->D = D;
    Slot->Body = Body;
    Slot->IsMain = IsMain;
    collectWaits(Body, Slot->Waits);
  }
  return Slot.get();
}

std::optional<DetachSite>
DetachSiteFinder::threadSite(const Expr *E, const ParentIndex &Parents) {
  if (!E || E->containsErrors() ||
      !hasLibraryRole(E->getType(), LibraryRole::Thread))
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor())
      return std::nullopt;
    Args.append(CE->arg_begin(), CE->arg_end());
  } else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
    Args.append(U->arg_begin(), U->arg_end());
  }
  if (Args.empty() || hasLibraryRole(Args[0]->getType(), LibraryRole::Thread))
    return std::nullopt;
  Frame *F = frameOf(E, Parents);
  if (!F)
    return std::nullopt;

  DetachSite Site;
  Site.Kind = DetachKind::DetachedThread;
  Site.Callable = Args[0];
  for (unsigned I = 1; I < Args.size(); ++I)
    Site.ForwardedArgs.push_back(Args[I]);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(ignoreTemporaries(Args[0])))
    Site.ForwardedTo = dyn_cast<FunctionDecl>(DRE->getDecl());
  else if (const auto *UO = dyn_cast<UnaryOperator>(ignoreTemporaries(Args[0])))
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(ignoreTemporaries(UO->getSubExpr())))
      Site.ForwardedTo = dyn_cast<FunctionDecl>(DRE->getDecl());
  Site.Callee = recordNameOf(E->getType());

  // Where does the thread object go? Into a local, or detached at once;
  // moved, copied, stored, passed or returned, it is someone else's.
  const VarDecl *Named = nullptr;
  const CXXMemberCallExpr *Detach = nullptr;
  Use U = classifyUse(E, Parents);
  if (U.Up.Copied || U.Up.Moved || U.Up.Conditional)
    return std::nullopt;
  switch (U.Kind) {
  case UseKind::Initializes:
    if (!U.Variable->hasLocalStorage() ||
        U.Variable->getType()->isReferenceType())
      return std::nullopt;
    Named = U.Variable;
    break;
  case UseKind::MemberCall:
    if (U.methodName() != "detach")
      return std::nullopt;
    Detach = cast<CXXMemberCallExpr>(U.User);
    break;
  case UseKind::AssignedFrom:
    Named = localObject(U.Target);
    if (!Named)
      return std::nullopt;
    break;
  default:
    return std::nullopt;
  }

  if (Named) {
    if (isMoveOf(F->Body, Named))
      return std::nullopt;
    llvm::SmallVector<const CXXMemberCallExpr *, 2> Detaches;
    collectMemberCalls(F->Body, Named, "detach", Detaches);
    if (Detaches.empty())
      return std::nullopt;
    ExitPathAnalysis *Paths = F->paths(Parents.context());
    if (!Paths)
      return std::nullopt;
    std::optional<CFGPosition> Start = Paths->positionOf(E);
    if (!Start)
      return std::nullopt;
    for (const CXXMemberCallExpr *D : Detaches) {
      if (Paths->mayReach(*Start, [&](const CFGElement &El) {
            return ExitPathAnalysis::statementOf(El) == D;
          })) {
        Detach = D;
        break;
      }
    }
    if (!Detach)
      return std::nullopt;
  }

  // In main, a process that then waits keeps main's locals alive.
  if (F->IsMain) {
    ExitPathAnalysis *Paths = F->paths(Parents.context());
    if (Paths)
      if (std::optional<CFGPosition> At = Paths->positionOf(Detach))
        if (!Paths->findExitAvoiding(
                *At, [&](const CFGElement &El) { return F->isWait(El); }))
          return std::nullopt;
  }
  Site.At = Detach->getExprLoc();
  return Site;
}

std::optional<DetachSite>
DetachSiteFinder::callSite(const CallExpr *E, const ParentIndex &Parents) {
  if (!E || E->containsErrors())
    return std::nullopt;
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD || !FD->getIdentifier() || E->getNumArgs() == 0)
    return std::nullopt;
  // What the callee is depends on the callee alone: decided once per
  // function, not once per call.
  auto [It, New] = CalleeKinds.try_emplace(FD, CalleeKind::None);
  if (New)
    It->second = classifyCallee(FD, Parents.context());
  if (It->second == CalleeKind::None)
    return std::nullopt;
  Frame *F = frameOf(E, Parents);
  if (!F)
    return std::nullopt;
  switch (It->second) {
  case CalleeKind::Async:
    return asyncSite(E, *F, Parents);
  case CalleeKind::Detaching:
    return fireAndForgetSite(E, *F, Parents);
  case CalleeKind::GrpcCallback:
    return grpcSite(E, *F, Parents);
  case CalleeKind::Continuation:
    return continuationSite(E, Parents);
  case CalleeKind::None:
    break;
  }
  return std::nullopt;
}

DetachSiteFinder::CalleeKind
DetachSiteFinder::classifyCallee(const FunctionDecl *FD,
                                 ASTContext &Ctx) const {
  if (qualifiedNameOf(FD) == "std::async")
    return CalleeKind::Async;
  if (Detaching.contains(FD, Ctx))
    return CalleeKind::Detaching;
  if (futureMemberOf(dyn_cast<CXXMethodDecl>(FD)) == FutureMember::Continuation)
    return CalleeKind::Continuation;
  // The gRPC callback API: a ClientContext* parameter and a std::function
  // completion callback (what protoc generates for stub->async()->Method).
  bool HasContext = false, HasCallback = false;
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    if (T->isPointerType()) {
      const ContextTypeInfo *Info = Model.classify(T->getPointeeType(), Ctx);
      HasContext |= Info && Info->Role == ContextRole::RequestContext;
    } else if (hasLibraryRole(T, LibraryRole::FunctionWrapper)) {
      HasCallback = true;
    }
  }
  return HasContext && HasCallback ? CalleeKind::GrpcCallback
                                   : CalleeKind::None;
}

std::optional<DetachSite>
DetachSiteFinder::asyncSite(const CallExpr *E, Frame &F,
                            const ParentIndex &Parents) {
  unsigned First = 0;
  if (E->getNumArgs() > 1 && recordNameOf(E->getArg(0)->getType()).empty() &&
      E->getArg(0)->getType()->isEnumeralType())
    First = 1; // std::launch policy.
  std::optional<SourceLocation> Escape = escapeOf(E, F.Body, Parents);
  if (!Escape)
    return std::nullopt;
  DetachSite Site;
  Site.Kind = DetachKind::EscapingAsync;
  Site.Callable = E->getArg(First);
  for (unsigned I = First + 1; I < E->getNumArgs(); ++I)
    Site.ForwardedArgs.push_back(E->getArg(I));
  if (const auto *DRE =
          dyn_cast<DeclRefExpr>(ignoreTemporaries(E->getArg(First))))
    Site.ForwardedTo = dyn_cast<FunctionDecl>(DRE->getDecl());
  Site.At = *Escape;
  Site.Callee = "std::async";
  return Site;
}

std::optional<DetachSite>
DetachSiteFinder::fireAndForgetSite(const CallExpr *E, Frame &F,
                                    const ParentIndex &Parents) {
  const FunctionDecl *FD = E->getDirectCallee();
  std::string Name = qualifiedNameOf(FD);
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const Expr *Executor = nullptr;
  unsigned CallableArg = 0;
  if (MC) {
    Executor = MC->getImplicitObjectArgument();
  } else if (E->getNumArgs() >= 2) {
    Executor = E->getArg(0);
    CallableArg = 1;
  }
  if (Name == "boost::asio::co_spawn") {
    // Only the detached completion token lets the coroutine run unobserved.
    unsigned Written = E->getNumArgs();
    while (Written > 0 && isa<CXXDefaultArgExpr>(E->getArg(Written - 1)))
      --Written;
    if (Written < 3 || !hasLibraryRole(E->getArg(Written - 1)->getType(),
                                       LibraryRole::DetachedCompletion))
      return std::nullopt;
  }
  if (CallableArg >= E->getNumArgs() || waitedAtOnce(E, Parents))
    return std::nullopt;
  if (const VarDecl *Result = resultVariable(E, Parents)) {
    // "auto f = folly::via(ex, task); ... std::move(f).get();" on every path.
    ExitPathAnalysis *Paths = F.paths(Parents.context());
    if (Paths)
      if (std::optional<CFGPosition> At = Paths->positionOf(E))
        if (!Paths->findExitAvoiding(*At, [&](const CFGElement &El) {
              return waitsOn(ExitPathAnalysis::statementOf(El), Result);
            }))
          return std::nullopt;
  }

  DetachSite Site;
  Site.Kind = DetachKind::FireAndForget;
  Site.Callable = E->getArg(CallableArg);
  Site.At = calleeNameLoc(E);
  Site.Callee = Name;
  if (const VarDecl *Context = executionContextOf(Executor)) {
    // A local context that is run or joined on every path before the
    // function returns has finished the task by then.
    ExitPathAnalysis *Paths = F.paths(Parents.context());
    if (Paths)
      if (std::optional<CFGPosition> At = Paths->positionOf(E))
        if (!Paths->findExitAvoiding(*At, [&](const CFGElement &El) {
              return runsOrJoins(El, Context);
            }))
          return std::nullopt;
    Site.LocalExecutionContext = Context;
  } else if (const ValueDecl *Context = anyExecutionContextOf(Executor)) {
    // A context held elsewhere (a member, a reference, a parameter) that
    // this function runs or joins on every path, inside the block of the
    // post so that every local the task can capture is still alive: run()
    // returns only when no work is left, join() when the task has finished.
    ExitPathAnalysis *Paths = F.paths(Parents.context());
    const Stmt *Block = enclosingBlock(E, Parents);
    if (Paths && Block)
      if (std::optional<CFGPosition> At = Paths->positionOf(E))
        if (!Paths->findExitAvoiding(*At, [&](const CFGElement &El) {
              return runsOrJoinsWithin(El, Context, Block);
            }))
          return std::nullopt;
  }
  return Site;
}

std::optional<DetachSite>
DetachSiteFinder::grpcSite(const CallExpr *E, Frame &F,
                           const ParentIndex &Parents) {
  const FunctionDecl *FD = E->getDirectCallee();
  unsigned Shift = isa<CXXOperatorCallExpr>(E) ? 1 : 0;
  const VarDecl *LocalContext = nullptr;
  const Expr *Callback = nullptr;
  for (unsigned I = 0; I + Shift < E->getNumArgs() && I < FD->getNumParams();
       ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    const Expr *Arg = E->getArg(I + Shift);
    if (T->isPointerType()) {
      const auto *UO = dyn_cast<UnaryOperator>(ignoreTemporaries(Arg));
      if (UO && UO->getOpcode() == UO_AddrOf)
        if (const VarDecl *VD = localObject(UO->getSubExpr()))
          if (const ContextTypeInfo *Info =
                  Model.classify(VD->getType(), Parents.context()))
            if (Info->Role == ContextRole::RequestContext)
              LocalContext = VD;
    } else if (hasLibraryRole(T, LibraryRole::FunctionWrapper)) {
      Callback = Arg;
    }
  }
  if (!LocalContext || !Callback)
    return std::nullopt;
  ExitPathAnalysis *Paths = F.paths(Parents.context());
  if (!Paths)
    return std::nullopt;
  std::optional<CFGPosition> At = Paths->positionOf(E);
  if (!At)
    return std::nullopt;
  std::optional<ExitPoint> Exit = Paths->findExitAvoiding(
      *At, [&](const CFGElement &El) { return F.isWait(El); });
  if (!Exit)
    return std::nullopt;
  DetachSite Site;
  Site.Kind = DetachKind::GrpcCallback;
  Site.Callable = Callback;
  Site.At = calleeNameLoc(E);
  Site.Callee = FD->getNameAsString();
  if (Exit->Statement)
    Site.UnwaitedExit = Exit->Statement->getBeginLoc();
  else if (const auto *CS = dyn_cast<CompoundStmt>(F.Body))
    Site.UnwaitedExit = CS->getRBracLoc();
  return Site;
}

std::optional<DetachSite>
DetachSiteFinder::continuationSite(const CallExpr *E,
                                   const ParentIndex &Parents) {
  std::optional<FutureDiscard> Discard =
      discardedFutureOf(E, Parents, Background);
  if (!Discard)
    return std::nullopt;
  DetachSite Site;
  Site.Kind = DetachKind::DiscardedContinuation;
  Site.Callable = E->getArg(0);
  Site.At = Discard->At;
  if (Discard->HandedTo)
    Site.Callee = qualifiedNameOf(Discard->HandedTo);
  return Site;
}

} // namespace clang::tidy::ctx
