//===--- CancelFlow.cpp - ctx-tidy ----------------------------------------===//

#include "lib/CancelFlow.h"
#include "lib/ExprShapes.h"
#include "lib/HandleWalk.h"
#include "lib/ValueOrigin.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::ctx {

bool HandleFlow::has(Settlement S) const {
  return llvm::any_of(Settles, [S](const auto &P) { return P.second == S; });
}

namespace {

/// The index of the callable element of a pair, tuple or struct type.
std::optional<unsigned> callableElement(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  std::optional<unsigned> Found;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    if (const LibraryTypeInfo *Lib = libraryTypeOf(Spec);
        Lib && Lib->Role == LibraryRole::Tuple) {
      unsigned I = 0;
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
        if (A.getKind() == TemplateArgument::Pack) {
          for (const TemplateArgument &PA : A.pack_elements()) {
            if (PA.getKind() == TemplateArgument::Type &&
                isCallableType(PA.getAsType()))
              Found = I;
            ++I;
          }
          continue;
        }
        if (A.getKind() == TemplateArgument::Type &&
            isCallableType(A.getAsType()))
          Found = I;
        ++I;
      }
      return Found;
    }
  }
  if (!RD->hasDefinition())
    return std::nullopt;
  unsigned I = 0;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    if (isCallableType(F->getType()))
      Found = I;
    ++I;
  }
  return Found;
}

bool isStdIgnore(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreImplicit());
  if (!DRE)
    return false;
  const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
  return V && V->getIdentifier() && V->getName() == "ignore" &&
         V->isInStdNamespace();
}

} // namespace

CancelFlow::CancelFlow(const ContextModel &Model,
                       const FunctionNameSet &SynchronousCalls,
                       const ParentIndex &Parents, const Decl *D,
                       const Stmt *Body)
    : B(std::make_unique<CancelBody>(Model, SynchronousCalls, Parents, Body)),
      D(D), Body(Body) {
  ASTContext &Ctx = Parents.context();
  if (B->Uses.hasErrors())
    return;
  // Handles.
  for (const VarDecl *V : B->Uses.topLevelVars()) {
    if (!V->hasLocalStorage() || V->isInvalidDecl())
      continue;
    QualType T = V->getType();
    if (T.isNull() || T->isDependentType())
      continue;
    // The declaring statement is looked up only for candidates: most locals
    // are not handles.
    auto Add = [&](CancelHandle H) {
      H.Declaration =
          Parents.parentOf(DynTypedNode::create(*V)).get<DeclStmt>();
      if (H.Declaration)
        Handles.push_back(H);
    };
    auto AddCancelFunction = [&](const ValueDecl *Cancel, const CallExpr *Call,
                                 const FunctionDecl *Factory) {
      CancelHandle H;
      H.HandleKind = CancelHandle::CancelFunction;
      H.Decl = Cancel;
      H.FactoryCall = Call;
      H.Factory = Factory;
      Add(H);
    };
    if (const auto *DD = dyn_cast<DecompositionDecl>(V)) {
      const CallExpr *Call = initializingCall(DD->getInit());
      const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
      if (!F || !Model.isCancelFactory(F, Ctx))
        continue;
      const BindingDecl *Cancel = nullptr;
      for (const BindingDecl *Binding : DD->bindings())
        if (!Binding->getType().isNull() && isCallableType(Binding->getType()))
          Cancel = Binding;
      if (Cancel)
        AddCancelFunction(Cancel, Call, F);
      continue;
    }
    if (T->isReferenceType())
      continue;
    if (const ContextTypeInfo *Info = Model.classify(T, Ctx)) {
      if (Info->Role != ContextRole::CancelSource || copiesExistingObject(V))
        continue;
      CancelHandle H;
      H.Decl = V;
      H.Info = Info;
      Add(H);
      continue;
    }
    const CallExpr *Call = initializingCall(V->getInit());
    const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (F && isCallableType(T) && Model.isCancelFactory(F, Ctx))
      AddCancelFunction(V, Call, F);
  }

  // Factory calls whose result is dropped.
  for (const CallExpr *CE : B->Uses.topLevelCalls()) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !Model.isCancelFactory(F, Ctx))
      continue;
    Climbed Up = climb(CE, Parents);
    const DynTypedNode &Parent = Up.Parent;
    if (Parent.get<CompoundStmt>() || Parent.get<IfStmt>() ||
        Parent.get<ForStmt>() || Parent.get<WhileStmt>() ||
        Parent.get<DoStmt>() || Parent.get<SwitchCase>() ||
        Parent.get<LabelStmt>()) {
      Discarded.push_back(CE);
      continue;
    }
    if (const auto *Cast = Parent.get<ExplicitCastExpr>()) {
      if (Cast->getTypeAsWritten()->isVoidType())
        Discarded.push_back(CE);
      continue;
    }
    // std::tie(ctx, std::ignore) = factory(...);
    if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
      if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 ||
          Op->getArg(1) != Up.Top)
        continue;
      const auto *Tie = dyn_cast<CallExpr>(Op->getArg(0)->IgnoreImplicit());
      const FunctionDecl *TieF = Tie ? Tie->getDirectCallee() : nullptr;
      if (!TieF || !TieF->getIdentifier() || TieF->getName() != "tie" ||
          !TieF->isInStdNamespace())
        continue;
      std::optional<unsigned> I = callableElement(CE->getType());
      if (I && *I < Tie->getNumArgs() && isStdIgnore(Tie->getArg(*I)))
        Discarded.push_back(CE);
    }
  }
}

CancelFlow::~CancelFlow() = default;

HandleFlow CancelFlow::analyse(const CancelHandle &H) {
  HandleFlow Flow;
  ASTContext &Ctx = B->Ctx;

  if (H.HandleKind == CancelHandle::CancelFunction) {
    Flow.ObligationStarts.push_back(H.FactoryCall);
    Flow.NeverUsed = B->Uses.refsTo(H.Decl).empty();
  }

  // A source from a local std::jthread that is neither detached nor moved:
  // the thread requests stop when it is destroyed.
  if (const auto *V = dyn_cast<VarDecl>(H.Decl))
    if (const auto *Call =
            dyn_cast_or_null<CXXMemberCallExpr>(initializingCall(V->getInit())))
      if (const auto *Obj = dyn_cast<DeclRefExpr>(
              Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        if (const ContextTypeInfo *TI =
                B->Model.classify(Obj->getDecl()->getType(), Ctx))
          if (TI->Role == ContextRole::Thread &&
              B->Uses.isLocalVar(Obj->getDecl()) &&
              !Obj->getDecl()->getType()->isReferenceType()) {
            bool Released = false;
            for (const DeclRefExpr *R : B->Uses.refsTo(Obj->getDecl())) {
              Climbed Up = climb(R, B->Parents);
              if (Up.Moved)
                Released = true;
              if (const auto *ME = Up.Parent.get<MemberExpr>())
                if (ME->getMemberDecl()->getIdentifier() &&
                    ME->getMemberDecl()->getName() == "detach")
                  Released = true;
            }
            Flow.OwnedByThread = !Released;
          }

  llvm::SmallVector<Event, 16> Events = HandleWalk(*B, H).run();

  // The kept work each start hands the token to; null once some event at
  // the same place hands it to anything else.
  llvm::DenseMap<const Stmt *, const VarDecl *> StartWork;
  for (const Event &E : Events) {
    if (E.Kind == EventKind::Start) {
      auto [It, New] = StartWork.try_emplace(E.Where, E.Work);
      if (New)
        Flow.ObligationStarts.push_back(E.Where);
      else if (It->second != E.Work)
        It->second = nullptr;
    } else if (E.Kind == EventKind::Settle) {
      Flow.Settles.push_back({E.Where, E.How});
      if (E.Standing)
        if (const Stmt *S = blockStatementOf(E.Where, B->Parents))
          if (!llvm::is_contained(Flow.StandingHandOffs, S))
            Flow.StandingHandOffs.push_back(S);
      if (E.Guard && !llvm::is_contained(Flow.Guards, E.Guard))
        Flow.Guards.push_back(E.Guard);
    }
  }
  llvm::SmallPtrSet<const VarDecl *, 2> SeenWork;
  for (const Stmt *S : Flow.ObligationStarts) {
    const VarDecl *T = StartWork.lookup(S);
    if (!T)
      continue;
    Flow.StartWork[S] = T;
    if (SeenWork.insert(T).second)
      for (const Stmt *J : *B->Ends.endsOf(T))
        Flow.WorkEnds.push_back({T, J});
  }
  return Flow;
}

const ExitPathAnalysis *CancelFlow::paths() {
  if (!TriedPaths) {
    TriedPaths = true;
    Paths = ExitPathAnalysis::build(D, Body, B->Ctx);
  }
  return Paths.get();
}

namespace {

/// True if the guard declared by \p Guard is alive at \p S: declared before
/// it in a block that contains it.
bool guardCovers(const Stmt *Guard, const Stmt *S, const ParentIndex &Parents) {
  const SourceManager &SM = Parents.context().getSourceManager();
  if (!SM.isBeforeInTranslationUnit(Guard->getEndLoc(), S->getBeginLoc()))
    return false;
  const auto *Block =
      Parents.parentOf(DynTypedNode::create(*Guard)).get<CompoundStmt>();
  return Block && containsStmt(Block, S);
}

} // namespace

std::optional<HandleLeak> CancelFlow::findLeak(const CancelHandle &H,
                                               const HandleFlow &Flow) {
  const ExitPathAnalysis *P = paths();
  if (!P)
    return std::nullopt;
  const SourceManager &SM = B->Ctx.getSourceManager();
  // Elements that settle the handle.
  llvm::DenseSet<const Stmt *> SettleElements;
  for (const auto &[S, How] : Flow.Settles)
    if (const Stmt *E = P->elementStatementOf(S))
      SettleElements.insert(E);
  // Where cancellation is permanent, a cancel before the token is taken
  // settles the source for every later token (it is born cancelled): only
  // starts that some path from the entry reaches uncancelled count.
  std::optional<llvm::DenseSet<const Stmt *>> ReachedUncancelled;
  if (H.HandleKind == CancelHandle::Source && H.Info &&
      H.Info->PermanentCancel) {
    llvm::DenseSet<const Stmt *> Cancels, Targets;
    for (const auto &[S, How] : Flow.Settles)
      if (How == Settlement::Cancel)
        if (const Stmt *E = P->elementStatementOf(S))
          Cancels.insert(E);
    for (const Stmt *S : Flow.ObligationStarts)
      if (const Stmt *E = P->elementStatementOf(S))
        Targets.insert(E);
    if (!Cancels.empty())
      ReachedUncancelled = P->reachedFromEntryAvoiding(Targets, Cancels);
  }
  // Starts grouped by the local object that holds the work the token went
  // to (a thread, a container of threads, a task; null: any other work).
  // Each group is one search: a start whose work ends at a join or wait is
  // settled there, never by the end of another object's work.
  struct Group {
    const VarDecl *Work;
    llvm::SmallVector<CFGPosition, 4> Starts;
    llvm::SmallVector<const Stmt *, 4> StartStmts;
  };
  llvm::SmallVector<Group, 2> Groups;
  for (const Stmt *S : Flow.ObligationStarts) {
    if (llvm::any_of(Flow.Guards, [&](const DeclStmt *G) {
          return guardCovers(G, S, B->Parents);
        }))
      continue;
    if (llvm::any_of(Flow.StandingHandOffs, [&](const Stmt *G) {
          return guardCovers(G, S, B->Parents);
        }))
      continue;
    std::optional<CFGPosition> Pos = P->positionOf(S);
    if (!Pos)
      continue;
    const Stmt *StartElement = P->elementStatementOf(S);
    // Handed off by the very call that takes the token.
    if (SettleElements.contains(StartElement))
      continue;
    if (ReachedUncancelled && !ReachedUncancelled->contains(StartElement))
      continue;
    const VarDecl *Work = Flow.StartWork.lookup(S);
    auto *G =
        llvm::find_if(Groups, [&](const Group &Gr) { return Gr.Work == Work; });
    if (G == Groups.end()) {
      Groups.push_back({Work, {}, {}});
      G = &Groups.back();
    }
    G->Starts.push_back(*Pos);
    G->StartStmts.push_back(S);
  }
  for (const Group &G : Groups) {
    llvm::DenseSet<const Stmt *> EndElements;
    for (const auto &[W, J] : Flow.WorkEnds)
      if (W == G.Work)
        if (const Stmt *E = P->elementStatementOf(J))
          EndElements.insert(E);
    auto Ends = [&](const CFGElement &E) {
      const Stmt *S = ExitPathAnalysis::statementOf(E);
      return S && (SettleElements.contains(S) || EndElements.contains(S));
    };
    std::optional<ExitPoint> Exit = P->findExitAvoiding(G.Starts, Ends);
    if (!Exit)
      continue;
    // For the report: the first start (in source order) that an exit is
    // reached from, and that exit.
    HandleLeak Leak{*Exit, nullptr, G.Work};
    llvm::SmallVector<unsigned, 4> Order(G.Starts.size());
    for (unsigned I = 0; I < Order.size(); ++I)
      Order[I] = I;
    llvm::stable_sort(Order, [&](unsigned A, unsigned C) {
      return SM.isBeforeInTranslationUnit(G.StartStmts[A]->getBeginLoc(),
                                          G.StartStmts[C]->getBeginLoc());
    });
    for (unsigned I : Order)
      if (std::optional<ExitPoint> One =
              P->findExitAvoiding(G.Starts[I], Ends)) {
        Leak.Exit = *One;
        Leak.Start = G.StartStmts[I];
        break;
      }
    return Leak;
  }
  return std::nullopt;
}

bool CancelFlow::declaresThreadAfter(const CancelHandle &H) const {
  const SourceManager &SM = B->Ctx.getSourceManager();
  for (const VarDecl *V : B->Uses.topLevelVars()) {
    const ContextTypeInfo *I = B->Model.classify(V->getType(), B->Ctx);
    if (!I || I->Role != ContextRole::Thread || V->getType()->isReferenceType())
      continue;
    if (SM.isBeforeInTranslationUnit(H.Decl->getLocation(), V->getLocation()))
      return true;
  }
  return false;
}

} // namespace clang::tidy::ctx
