//===--- ValueOrigin.cpp - ctx-tidy ---------------------------------------===//

#include "lib/ValueOrigin.h"
#include "lib/ContextModel.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::ctx {

namespace {

/// How many steps a trail takes back: copies, moves and locals. Longer
/// chains of locals initialized from each other end as Unknown.
constexpr unsigned MaxTrail = 32;

/// How many locals a one-step question follows before it gives up
/// (`auto *p = &x; auto *q = p;`).
constexpr unsigned MaxLocals = 2;

/// How many locals feedingOrigins() follows into their initializers.
constexpr unsigned MaxFeedingDepth = 6;

bool isThisMember(const MemberExpr *ME) {
  return isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
}

/// True for a copy or move construction of its one argument.
bool isCopyConstruction(const CXXConstructExpr *C) {
  return C->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(C) &&
         C->getConstructor() && C->getConstructor()->isCopyOrMoveConstructor();
}

/// Derived, Root or CallResult, by what the model says of the call.
OriginKind chainKindOf(const Expr *Call, const ContextModel &Model,
                       const ASTContext &Ctx) {
  switch (Model.chainCallOf(Call, Ctx)) {
  case ContextModel::ChainCall::Derives:
    return OriginKind::Derived;
  case ContextModel::ChainCall::Root:
    return OriginKind::Root;
  case ContextModel::ChainCall::None:
    break;
  }
  return OriginKind::CallResult;
}

/// The deriving call that initializes the decomposition \p B belongs to,
/// when \p B has a type the model knows.
const CallExpr *bindingFromDerivation(const BindingDecl *B,
                                      const ContextModel &Model,
                                      const ASTContext &Ctx) {
  const auto *DD = dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
  if (!DD || !Model.classify(B->getType(), Ctx))
    return nullptr;
  const CallExpr *Call = initializingCall(DD->getInit());
  return Call && Model.isDerivingCall(Call, Ctx) ? Call : nullptr;
}

} // namespace

namespace {
/// True if \p E is a null pointer: `nullptr`, `NULL`, or `0` given for a
/// pointer.
bool isNullPointer(const Expr *E, const ASTContext &Ctx) {
  QualType T = E->getType();
  if (T.isNull() || E->isValueDependent() ||
      !(T->isPointerType() || T->isNullPtrType()))
    return false;
  return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                  Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}
} // namespace

Origin originOf(const Expr *E, const ContextModel &Model,
                const ASTContext &Ctx) {
  Origin O;
  const Expr *Cur = E;
  for (unsigned Step = 0; Cur && Step < MaxTrail; ++Step) {
    if (isNullPointer(Cur, Ctx)) {
      O.Where = Cur;
      O.Kind = OriginKind::Null;
      return O;
    }
    Cur = ignoreTemporaries(Cur);
    O.Where = Cur;
    if (const auto *C = dyn_cast<CXXConstructExpr>(Cur)) {
      // `std::nullopt`, `std::optional<T>()`, `{}` given for an optional.
      if (isOptionalType(C->getType()) &&
          (C->getNumArgs() == 0 ||
           (C->getNumArgs() == 1 && isNulloptType(C->getArg(0)->getType())))) {
        O.Kind = OriginKind::Null;
        return O;
      }
      if (isCopyConstruction(C)) {
        if (!C->getConstructor()->isMoveConstructor())
          O.Copied = true;
        Cur = C->getArg(0);
        continue;
      }
      O.Kind = C->getNumArgs() == 0 ? OriginKind::DefaultConstructed
                                    : OriginKind::Constructed;
      return O;
    }
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Cur)) {
      Cur = F->getSubExpr();
      continue;
    }
    if (const Expr *Moved = movedFrom(Cur)) {
      Cur = Moved;
      continue;
    }
    if (const auto *IL = dyn_cast<InitListExpr>(Cur)) {
      if (IL->getNumInits() == 0) {
        O.Kind = OriginKind::DefaultConstructed;
        return O;
      }
      if (IL->getNumInits() == 1 && !IL->getType()->isRecordType()) {
        Cur = IL->getInit(0);
        continue;
      }
      return O;
    }
    if (const auto *N = dyn_cast<CXXNewExpr>(Cur)) {
      const auto *C = dyn_cast_or_null<CXXConstructExpr>(N->getInitializer());
      O.Kind = C && C->getNumArgs() > 0 ? OriginKind::Constructed
                                        : OriginKind::DefaultConstructed;
      return O;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(Cur)) {
      if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl())) {
        O.Kind = OriginKind::StaticStorage;
        O.Decl = V;
      } else if (isThisMember(ME) && isa<FieldDecl>(ME->getMemberDecl())) {
        O.Kind = OriginKind::Member;
        O.Decl = ME->getMemberDecl();
      }
      return O;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cur)) {
      if (Model.isTokenMethod(MC->getMethodDecl(), Ctx)) {
        O.Kind = OriginKind::TokenOf;
        O.Object = MC->getImplicitObjectArgument();
        return O;
      }
      O.Kind = chainKindOf(MC, Model, Ctx);
      return O;
    }
    if (isa<CallExpr>(Cur)) {
      O.Kind = chainKindOf(Cur, Model, Ctx);
      return O;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(Cur);
    if (!DRE)
      return O;
    if (DRE->refersToEnclosingVariableOrCapture())
      O.Captured = true;
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V) {
      if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl())) {
        O.Kind = OriginKind::Local;
        O.Decl = B;
        // `auto [ctx, cancel] = factory(parent);`: the context is derived.
        if (const CallExpr *Call = bindingFromDerivation(B, Model, Ctx)) {
          O.Kind = OriginKind::Derived;
          O.Where = Call;
        }
      }
      return O;
    }
    O.Decl = V;
    if (isa<ParmVarDecl>(V)) {
      O.Kind = OriginKind::Parameter;
      return O;
    }
    if (!V->hasLocalStorage()) {
      O.Kind = OriginKind::StaticStorage;
      return O;
    }
    if (V->isInitCapture())
      O.Captured = true;
    if (!V->getInit() || isa<DecompositionDecl>(V)) {
      O.Kind = OriginKind::Local;
      return O;
    }
    O.Through.push_back(V);
    O.Decl = nullptr;
    Cur = V->getInit();
  }
  O.Kind = OriginKind::Unknown;
  return O;
}

namespace {
/// How deep anyOrigin() follows derivations of derivations.
constexpr unsigned MaxDerivationDepth = 8;

bool anyOriginAt(const Expr *E, const ContextModel &Model,
                 const ASTContext &Ctx,
                 llvm::function_ref<bool(const Origin &)> Visit,
                 unsigned Depth) {
  if (!E || Depth > MaxDerivationDepth)
    return false;
  Origin O = originOf(E, Model, Ctx);
  if (Visit(O))
    return true;
  if (O.Kind != OriginKind::Derived)
    return false;
  for (const Expr *Parent : Model.derivationParents(O.Where, Ctx))
    if (anyOriginAt(Parent, Model, Ctx, Visit, Depth + 1))
      return true;
  return false;
}
} // namespace

bool anyOrigin(const Expr *E, const ContextModel &Model, const ASTContext &Ctx,
               llvm::function_ref<bool(const Origin &)> Visit) {
  return anyOriginAt(E, Model, Ctx, Visit, 0);
}

const Expr *derivingCallFrom(const Expr *E, const ValueDecl *V,
                             const ContextModel &Model, const ASTContext &Ctx) {
  if (!E || !V)
    return nullptr;
  Origin O = originOf(E, Model, Ctx);
  if (O.Kind != OriginKind::Derived || !O.Where)
    return nullptr;
  // The trail from E to the call must not pass through V itself: V's
  // initializer is not the value V holds here.
  if (llvm::is_contained(O.Through, V))
    return nullptr;
  for (const Expr *Parent : Model.derivationParents(O.Where, Ctx))
    if (anyOrigin(Parent, Model, Ctx, [&](const Origin &P) {
          return P.Decl == V || llvm::is_contained(P.Through, V) ||
                 (P.Kind == OriginKind::TokenOf && P.Object &&
                  originOf(P.Object, Model, Ctx).Decl == V);
        }))
      return O.Where;
  return nullptr;
}

const CallExpr *initializingCall(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
    if (CE->getNumArgs() == 1 && CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor())
      Init = CE->getArg(0)->IgnoreImplicit();
  return dyn_cast<CallExpr>(Init);
}

bool copiesExistingObject(const VarDecl *V) {
  const Expr *Init = V->getInit();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init))
    if (CE->getNumArgs() >= 1 && CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor()) {
      const Expr *Arg = CE->getArg(0)->IgnoreImplicit();
      // A call's result is a new object, unless the call only moves one.
      if (const auto *Call = dyn_cast<CallExpr>(Arg))
        return isMoveCall(Call);
      return true;
    }
  return isa<DeclRefExpr, MemberExpr>(Init);
}

bool isFrameObject(const VarDecl *VD) {
  if (!VD || !VD->hasLocalStorage())
    return false;
  if (VD->getType()->isReferenceType() && !isa<ParmVarDecl>(VD)) {
    // A reference to a global, or to a member (of a member ...) of one, names
    // static storage: "auto &s = g_service.stop".
    const Expr *Target = ignoreCopiesAndMoves(VD->getInit());
    while (const auto *ME = dyn_cast_or_null<MemberExpr>(Target)) {
      if (ME->isArrow())
        break;
      Target = ME->getBase()->IgnoreParenImpCasts();
    }
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Target))
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!Var->hasLocalStorage())
          return false;
  }
  return true;
}

const ValueDecl *referentOf(const Expr *Init) {
  const Expr *E = ignoreCopiesAndMoves(Init);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && isFrameObject(VD) ? VD : nullptr;
  }
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    if (isThisMember(ME))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

namespace {

const ValueDecl *pointeeAt(const Expr *Init, unsigned Depth) {
  const Expr *E = ignoreCopies(Init);
  if (!E || Depth > MaxLocals)
    return nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return referentOf(UO->getSubExpr());
  // A raw view of a shared object (`sp.get()`) is owned elsewhere.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "get" &&
          hasLibraryRole(MC->getImplicitObjectArgument()->getType(),
                         LibraryRole::SharedPointer))
        return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->getType()->isPointerType())
      return nullptr;
    if (isa<ParmVarDecl>(VD))
      return VD;
    if (VD->hasLocalStorage() && VD->getInit())
      return pointeeAt(VD->getInit(), Depth + 1);
  }
  return nullptr;
}

const VarDecl *handleSourceAt(const Expr *Init, const ContextModel &Model,
                              const ASTContext &Ctx, unsigned Depth) {
  const Expr *E = ignoreCopies(Init);
  if (!E || Depth > MaxLocals)
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!Model.isTokenMethod(MC->getMethodDecl(), Ctx))
      return nullptr;
    const auto *DRE = dyn_cast<DeclRefExpr>(
        MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
        !VD->getType()->isPointerType())
      return VD;
    return nullptr;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && VD->getInit())
        return handleSourceAt(VD->getInit(), Model, Ctx, Depth + 1);
  return nullptr;
}

} // namespace

const ValueDecl *pointeeOf(const Expr *Init) { return pointeeAt(Init, 0); }

const VarDecl *handleSourceOf(const Expr *Init, const ContextModel &Model,
                              const ASTContext &Ctx) {
  return handleSourceAt(Init, Model, Ctx, 0);
}

//===----------------------------------------------------------------------===//
// feedingOrigins
//===----------------------------------------------------------------------===//

namespace {

bool isInMain(const VarDecl *V) {
  const auto *F =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  return F && F->isMain();
}

/// Calls that make a new object of the type they are given.
bool isMakeFunction(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return false;
  std::string N = qualifiedNameOf(F);
  return N == "std::make_shared" || N == "std::make_unique" ||
         N == "std::allocate_shared" || N == "absl::make_unique";
}

bool isStdExchange(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  return FD && FD->getIdentifier() && FD->getName() == "exchange" &&
         CE->getNumArgs() == 2 && qualifiedNameOf(FD) == "std::exchange";
}

/// A cancel source, request context or stop callback: what is "made here".
bool isFreshRole(const ContextTypeInfo *Info) {
  return Info && Info->Role != ContextRole::Token;
}

void feedInto(const Expr *E, const ContextModel &Model, const ASTContext &Ctx,
              llvm::function_ref<bool(const Expr *)> DesignatesStatic,
              FeedingOrigins &Out, unsigned Depth) {
  if (!E || Depth > MaxFeedingDepth)
    return;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr>(S))
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || !Model.findInside(V->getType(), Ctx).Info)
        continue;
      if (V->hasGlobalStorage() || DesignatesStatic(DRE)) {
        Out.FromStatic = true;
        continue;
      }
      if (isInMain(V))
        continue;
      if (isa<ParmVarDecl>(V)) {
        Out.FromRequest = true;
        continue;
      }
      const Expr *Init = V->getInit();
      if (V->getType()->isReferenceType()) {
        feedInto(Init, Model, Ctx, DesignatesStatic, Out, Depth + 1);
        continue;
      }
      FeedingOrigins Sub;
      feedInto(Init, Model, Ctx, DesignatesStatic, Sub, Depth + 1);
      Out.FromStatic |= Sub.FromStatic;
      // A local holding a copy of its own is the request's, whatever its
      // initializer: only a pure copy of static storage is not.
      if (Sub.FromRequest || Sub.Fresh ||
          (!Sub.FromStatic && isFreshRole(Model.classify(V->getType(), Ctx))))
        Out.FromRequest = true; // std::stop_source src; grpc::ClientContext c;
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *Ctor = C->getConstructor();
      const ContextTypeInfo *Info = Model.classify(C->getType(), Ctx);
      if (Ctor && !Ctor->isCopyOrMoveConstructor() && isFreshRole(Info)) {
        if (Info->Role == ContextRole::CancelSource && C->getNumArgs() == 0)
          Out.FreshRoot = true;
        else
          Out.Fresh = true;
      }
    } else if (const auto *N = dyn_cast<CXXNewExpr>(S)) {
      if (isFreshRole(Model.classify(N->getAllocatedType(), Ctx)))
        Out.Fresh = true;
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // std::exchange(slot, v) yields the slot's old value, not v.
      if (isStdExchange(CE)) {
        Work.push_back(CE->getArg(0));
        continue;
      }
      if (isMakeFunction(CE->getDirectCallee()) &&
          isFreshRole(Model.findInside(CE->getType(), Ctx).Info))
        Out.Fresh = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

} // namespace

FeedingOrigins
feedingOrigins(const Expr *E, const ContextModel &Model, const ASTContext &Ctx,
               llvm::function_ref<bool(const Expr *)> DesignatesStatic) {
  FeedingOrigins Out;
  feedInto(E, Model, Ctx, DesignatesStatic, Out, 0);
  return Out;
}

} // namespace clang::tidy::ctx
