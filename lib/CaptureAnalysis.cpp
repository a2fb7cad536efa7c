//===--- CaptureAnalysis.cpp - ctx-tidy -----------------------------------===//

#include "lib/CaptureAnalysis.h"
#include "lib/ExprShapes.h"
#include "lib/ValueOrigin.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::ctx {

namespace {

bool isContextFamily(const ContextTypeInfo *Info) {
  if (!Info)
    return false;
  switch (Info->Role) {
  case ContextRole::Token:
  case ContextRole::CancelSource:
  case ContextRole::RequestContext:
  case ContextRole::StopCallback:
    return true;
  case ContextRole::ScopeGuard:
  case ContextRole::Thread:
    return false;
  }
  return false;
}

bool containsSharedFromThis(const Stmt *S) {
  if (!S)
    return false;
  // Only this->shared_from_this() keeps *this alive; another object's
  // (peer_->shared_from_this()) keeps that object alive.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() &&
          (M->getName() == "shared_from_this" ||
           M->getName() == "weak_from_this") &&
          MC->getImplicitObjectArgument() &&
          isa<CXXThisExpr>(
              MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        return true;
  for (const Stmt *Child : S->children())
    if (containsSharedFromThis(Child))
      return true;
  return false;
}

/// True if \p E is `this->shared_from_this()` (or the unqualified call)
/// not resolved yet, in a class template whose base is dependent.
bool isDependentSharedFromThis(const Expr *E) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Call || !Call->getCallee())
    return false;
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return D->getMember().getAsString() == "shared_from_this" &&
           (D->isImplicitAccess() ||
            isa<CXXThisExpr>(D->getBase()->IgnoreParenImpCasts()));
  if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee))
    return U->getMemberName().getAsString() == "shared_from_this" &&
           (U->isImplicitAccess() ||
            isa<CXXThisExpr>(U->getBase()->IgnoreParenImpCasts()));
  return false;
}

/// True if \p L holds a strong reference to *this: a by-copy capture of a
/// std::shared_ptr initialized (directly, or through a local) from
/// shared_from_this().
bool keepsThisAlive(const LambdaExpr *L) {
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable() || C.getCaptureKind() != LCK_ByCopy)
      continue;
    const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!VD)
      continue;
    // In a class template deriving from enable_shared_from_this<Self<T>>,
    // `self = this->shared_from_this()` has a type only once instantiated;
    // the call itself says it is a shared_ptr to *this.
    if (VD->getType()->isDependentType() &&
        isDependentSharedFromThis(VD->getInit()))
      return true;
    if (!hasLibraryRole(VD->getType(), LibraryRole::SharedPointer))
      continue;
    if (containsSharedFromThis(VD->getInit()))
      return true;
  }
  return false;
}

/// Classifies the type of a by-reference captured object: the context type
/// and whether a copy owns it.
struct TypeFacts {
  const ContextTypeInfo *Info = nullptr;
  bool CopyOwns = false;
};
TypeFacts factsOf(QualType T, const ContextModel &Model,
                  const ASTContext &Ctx) {
  TypeFacts F;
  if (T.isNull() || T->isDependentType())
    return F;
  if (!T.getNonReferenceType()->isPointerType()) {
    const ContextTypeInfo *Info = Model.classify(T, Ctx);
    if (isContextFamily(Info)) {
      F.Info = Info;
      F.CopyOwns = Info->Copy == CopySemantics::OwnsState;
      return F;
    }
  }
  ContextModel::Nested N = Model.findInside(T, Ctx);
  if (!isContextFamily(N.Info))
    return F;
  F.Info = N.Info;
  // A shared_ptr copy shares ownership of the context; other wrappers
  // (optional, unique_ptr, structs) are reported without a copy fix.
  F.CopyOwns = !N.NonOwning && hasLibraryRole(T, LibraryRole::SharedPointer);
  return F;
}

void collectUses(const ValueDecl *Object, const Stmt *S,
                 llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (DRE->getDecl() == Object)
      Out.push_back(DRE);
  } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
    if (ME->getMemberDecl() == Object &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Out.push_back(ME);
  } else if (isa<DeclStmt>(S)) {
    // Local classes declare their own 'this'.
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (isa<CXXRecordDecl>(D))
        return;
  }
  for (const Stmt *Child : S->children())
    collectUses(Object, Child, Out);
}

/// Fields of *this used in \p S through the enclosing 'this'.
void collectThisMembers(const Stmt *S,
                        llvm::SmallVectorImpl<const MemberExpr *> &Out) {
  if (!S)
    return;
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (isa<FieldDecl>(ME->getMemberDecl()) &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Out.push_back(ME);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (isa<CXXRecordDecl>(D))
        return;
  if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    // A nested lambda that copies *this uses its own copy.
    for (const LambdaCapture &C : LE->captures())
      if (C.getCaptureKind() == LCK_StarThis)
        return;
  }
  for (const Stmt *Child : S->children())
    collectThisMembers(Child, Out);
}

/// True if \p S holds an expression clang could not make sense of (code
/// being typed): nothing in it is reported.
bool hasErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (E->containsErrors())
      return true;
  for (const Stmt *Child : S->children())
    if (hasErrors(Child))
      return true;
  return false;
}

} // namespace

const LambdaExpr *lambdaOf(const Expr *Callable) {
  const Expr *E = ignoreCopiesAndMoves(Callable);
  // A wrapper converted from the lambda: std::function, folly::Function.
  for (unsigned Depth = 0; Depth < 3; ++Depth) {
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() == 0)
      break;
    bool RestDefaulted =
        llvm::all_of(llvm::drop_begin(CE->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
    if (!RestDefaulted)
      break;
    E = ignoreCopiesAndMoves(CE->getArg(0));
  }
  if (const auto *L = dyn_cast_or_null<LambdaExpr>(E))
    return L;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->getInit())
        return dyn_cast_or_null<LambdaExpr>(
            ignoreCopiesAndMoves(VD->getInit()));
  return nullptr;
}

const CallExpr *bindCallOf(const Expr *Callable) {
  const auto *C = dyn_cast_or_null<CallExpr>(ignoreCopiesAndMoves(Callable));
  if (isCallableBinder(C))
    return C;
  return nullptr;
}

llvm::SmallVector<const Expr *, 4> usesOf(const ValueDecl *Object,
                                          const Stmt *Body) {
  llvm::SmallVector<const Expr *, 4> Out;
  collectUses(Object, Body, Out);
  return Out;
}

llvm::SmallVector<ContextReach, 4> findContextReaches(const LambdaExpr *L,
                                                      const ContextModel &Model,
                                                      ASTContext &Ctx) {
  llvm::SmallVector<ContextReach, 4> Out;
  if (!L || L->containsErrors() || !L->getCallOperator() ||
      L->getCallOperator()->isInvalidDecl() || hasErrors(L->getBody()))
    return Out;
  const Stmt *Body = L->getBody();
  llvm::DenseSet<const ValueDecl *> Seen;
  auto FirstUse = [&](const ValueDecl *D) -> SourceLocation {
    llvm::SmallVector<const Expr *, 4> Uses = usesOf(D, Body);
    return Uses.empty() ? SourceLocation() : Uses.front()->getExprLoc();
  };
  auto Add = [&](ContextReach R) {
    if (R.Object && R.Info && R.Loc.isValid() && Seen.insert(R.Object).second)
      Out.push_back(R);
  };
  bool ThisCaptured = false;
  const LambdaCapture *ThisCapture = nullptr;

  for (const LambdaCapture &C : L->captures()) {
    if (C.capturesThis()) {
      if (C.getCaptureKind() == LCK_This) {
        ThisCaptured = true;
        if (C.isExplicit())
          ThisCapture = &C;
      }
      continue;
    }
    if (!C.capturesVariable())
      continue;
    const auto *VD = dyn_cast_or_null<VarDecl>(C.getCapturedVar());
    if (!VD || VD->isInvalidDecl())
      continue;
    // Where a capture is reported: at its name, or for a default capture
    // at the first use (looked up only for captures that are reported).
    auto LocOf = [&] {
      return C.isImplicit() ? FirstUse(VD) : C.getLocation();
    };
    const Expr *Init = VD->isInitCapture() ? VD->getInit() : nullptr;
    if (VD->isInitCapture() && (!Init || Init->containsErrors()))
      continue;
    ContextReach R;
    R.Capture = C.isExplicit() ? &C : nullptr;

    // [&tok], [&], [&t = tok], [&t = tok_].
    const ValueDecl *Referenced = nullptr;
    if (Init && VD->getType()->isReferenceType())
      Referenced = referentOf(Init);
    else if (!Init && C.getCaptureKind() == LCK_ByRef && isFrameObject(VD))
      Referenced = VD;
    if (Referenced) {
      TypeFacts F = factsOf(Referenced->getType(), Model, Ctx);
      if (!F.Info)
        continue;
      R.Way = !Init && C.isImplicit() ? ReachWay::DefaultByReference
                                      : ReachWay::ByReference;
      R.Object = Referenced;
      R.Info = F.Info;
      R.CopyOwns = F.CopyOwns;
      R.Loc = LocOf();
      Add(R);
      continue;
    }
    if (Init ? VD->getType()->isReferenceType()
             : C.getCaptureKind() == LCK_ByRef)
      continue;

    // By copy: [p = &ctx], a copied pointer to a frame object or pointer
    // parameter.
    if (VD->getType()->isPointerType()) {
      const ValueDecl *Target = Init ? pointeeOf(Init)
                                : isa<ParmVarDecl>(VD)
                                    ? VD
                                    : pointeeOf(VD->getInit());
      if (!Target)
        continue;
      QualType Pointee = Target->getType();
      if (Pointee->isPointerType())
        Pointee = Pointee->getPointeeType();
      const ContextTypeInfo *Info = Model.classify(Pointee, Ctx);
      if (!isContextFamily(Info))
        continue;
      R.Way = ReachWay::RawPointer;
      R.Object = Target;
      R.Info = Info;
      R.Loc = LocOf();
      Add(R);
      continue;
    }

    // By copy: [t = src.get_token()], or a copied handle initialized so,
    // that points into a frame-local source.
    const ContextTypeInfo *Info = Model.classify(VD->getType(), Ctx);
    if (!isContextFamily(Info) || Info->Copy != CopySemantics::PointsIntoSource)
      continue;
    const Expr *HandleInit = Init ? Init
                             : isa<ParmVarDecl>(VD) || !VD->hasLocalStorage()
                                 ? nullptr
                                 : VD->getInit();
    if (const VarDecl *Src =
            HandleInit ? handleSourceOf(HandleInit, Model, Ctx) : nullptr) {
      R.Way = ReachWay::NonOwningHandle;
      R.Object = VD;
      R.Info = Info;
      R.Source = Src;
      R.SourceInfo = Model.classify(Src->getType(), Ctx);
      R.Loc = LocOf();
      Add(R);
    }
  }

  if (ThisCaptured && !keepsThisAlive(L)) {
    llvm::SmallVector<const MemberExpr *, 8> Members;
    collectThisMembers(Body, Members);
    for (const MemberExpr *ME : Members) {
      const auto *FD = cast<FieldDecl>(ME->getMemberDecl());
      TypeFacts F = factsOf(FD->getType(), Model, Ctx);
      if (!F.Info)
        continue;
      ContextReach R;
      R.Way = ReachWay::ThroughThis;
      R.Object = FD;
      R.Info = F.Info;
      R.CopyOwns = F.CopyOwns;
      R.Capture = ThisCapture;
      R.Loc = ME->getMemberLoc();
      Add(R);
    }
  }

  const SourceManager &SM = Ctx.getSourceManager();
  llvm::stable_sort(Out, [&](const ContextReach &A, const ContextReach &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  return Out;
}

llvm::SmallVector<ContextReach, 2>
findBoundReferences(llvm::ArrayRef<const Expr *> Args,
                    const ContextModel &Model, ASTContext &Ctx) {
  llvm::SmallVector<ContextReach, 2> Out;
  llvm::DenseSet<const ValueDecl *> Seen;
  for (const Expr *A : Args) {
    const auto *C = dyn_cast_or_null<CallExpr>(ignoreCopies(A));
    if (!C || C->getNumArgs() != 1 ||
        !(isCallTo(C, "std::ref") || isCallTo(C, "std::cref")))
      continue;
    const ValueDecl *Target = referentOf(C->getArg(0));
    if (!Target)
      continue;
    TypeFacts F = factsOf(Target->getType(), Model, Ctx);
    if (!F.Info || !Seen.insert(Target).second)
      continue;
    ContextReach R;
    R.Way = ReachWay::BoundByReference;
    R.Object = Target;
    R.Info = F.Info;
    R.CopyOwns = F.CopyOwns;
    R.BoundRef = C;
    R.Loc = C->getBeginLoc();
    Out.push_back(R);
  }
  return Out;
}

bool endsWithFunction(const ValueDecl *Object) {
  const auto *VD = dyn_cast_or_null<VarDecl>(Object);
  // A local reference bound to another local reference: followed a few
  // steps, as written.
  for (unsigned Depth = 0; VD && Depth < 4; ++Depth) {
    if (!VD->hasLocalStorage())
      return false;
    if (!VD->getType()->isReferenceType() || isa<ParmVarDecl>(VD))
      return true;
    VD = dyn_cast_or_null<VarDecl>(referentOf(VD->getInit()));
  }
  return false;
}

CopyUse classifyCopyUse(const Expr *Use, const ParentIndex &Parents) {
  const Expr *Cur = Use;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList Ps = Parents.parents(*Cur);
    if (Ps.size() != 1)
      return CopyUse::Other;
    if (const auto *VD = Ps[0].get<VarDecl>()) {
      QualType T = VD->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        return CopyUse::Other;
      return CopyUse::Read;
    }
    const Stmt *P = Ps[0].get<Stmt>();
    if (!P)
      return CopyUse::Other;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
      if (ICE->getCastKind() == CK_NoOp ||
          ICE->getCastKind() == CK_LValueToRValue ||
          ICE->getCastKind() == CK_UncheckedDerivedToBase ||
          ICE->getCastKind() == CK_DerivedToBase) {
        Cur = ICE;
        continue;
      }
      return CopyUse::Other;
    }
    if (isa<ParenExpr, MaterializeTemporaryExpr>(P)) {
      Cur = cast<Expr>(P);
      continue;
    }
    if (isa<ReturnStmt>(P))
      return CopyUse::Read;
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (ME->getBase() != Cur)
        return CopyUse::Other;
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!M)
        return CopyUse::Other;
      DynTypedNodeList GP = Parents.parents(*ME);
      if (GP.size() != 1 || !GP[0].get<CXXMemberCallExpr>())
        return CopyUse::Other;
      if (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator())
        return CopyUse::Other;
      if (!M->isConst() || isNonConstByStandard(M))
        return CopyUse::NonConstCall;
      return CopyUse::Read;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
          Op->getOperator() == OO_MinusMinus)
        return CopyUse::Other;
      const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (M && Op->getNumArgs() > 0 && Op->getArg(0) == Cur)
        return M->isConst() ? CopyUse::Read : CopyUse::NonConstCall;
      // A free operator: look at the parameter like any call.
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD)
        return CopyUse::Other;
      unsigned Shift = 0;
      if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD))
        Shift = 1;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        if (Call->getArg(I) != Cur)
          continue;
        if (I < Shift || I - Shift >= FD->getNumParams())
          return CopyUse::Other; // Variadic, or the object.
        QualType PT = FD->getParamDecl(I - Shift)->getType();
        if (PT->isReferenceType() &&
            !PT.getNonReferenceType().isConstQualified())
          return CopyUse::Other;
        return CopyUse::Read;
      }
      return CopyUse::Other;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (!Ctor)
        return CopyUse::Other;
      for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
        if (CE->getArg(I) != Cur)
          continue;
        if (I >= Ctor->getNumParams())
          return CopyUse::Other;
        QualType PT = Ctor->getParamDecl(I)->getType();
        if (PT->isReferenceType() &&
            !PT.getNonReferenceType().isConstQualified())
          return CopyUse::Other;
        return CopyUse::Read;
      }
      return CopyUse::Other;
    }
    return CopyUse::Other;
  }
  return CopyUse::Other;
}

} // namespace clang::tidy::ctx
