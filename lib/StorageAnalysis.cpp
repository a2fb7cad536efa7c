//===--- StorageAnalysis.cpp - ctx-tidy -----------------------------------===//

#include "lib/StorageAnalysis.h"
#include "lib/ClangCompat.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::ctx {

bool isRemovalMethod(llvm::StringRef Name) {
  // erase, erase_if, eraseInto (F14), erase_if_equal (ConcurrentHashMap),
  // unsafe_erase (oneTBB), pop_back/pop_front, ...
  if (Name.starts_with("erase") || Name.starts_with("pop") ||
      Name.starts_with("unsafe_erase"))
    return true;
  return StringSwitch<bool>(Name)
      .Cases({"extract", "clear", "swap", "resize", "reset", "remove",
              "remove_if", "exchange"},
             true)
      .Default(false);
}

bool isRemovalFunction(llvm::StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases({"std::erase_if", "std::erase", "absl::erase_if", "std::exchange",
              "std::swap", "folly::swap", "absl::swap", "boost::swap"},
             true)
      .Default(false);
}

bool isInsertMethod(llvm::StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases({"insert", "emplace", "emplace_hint", "try_emplace",
              "insert_or_assign", "push_back", "emplace_back", "push_front",
              "emplace_front", "push", "assign", "insert_range", "append_range",
              "prepend_range"},
             true)
      .Default(false);
}

bool isLockAccessMethod(llvm::StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases({"wlock", "rlock", "ulock", "lock", "contextualLock",
              "contextualRLock", "tryWLock", "tryRLock", "tryLock",
              "operator->"},
             true)
      .Default(false);
}

bool isLockedCallbackMethod(llvm::StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases({"withWLock", "withRLock", "withLock", "withULock"}, true)
      .Default(false);
}

namespace {

/// The member name of a call written as `obj.name(...)`, dependent or not.
llvm::StringRef memberName(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    if (const IdentifierInfo *II = ME->getMemberDecl()->getIdentifier())
      return II->getName();
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    if (DM->getMember().isIdentifier())
      return DM->getMember().getAsIdentifierInfo()->getName();
  if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    if (UM->getName().isIdentifier())
      return UM->getName().getAsIdentifierInfo()->getName();
  return "";
}

/// The object of a member call `obj.name(...)`, dependent or not.
const Expr *memberObject(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->getBase();
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    return DM->isImplicitAccess() ? nullptr : DM->getBase();
  if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    return UM->isImplicitAccess() ? nullptr : UM->getBase();
  return nullptr;
}

/// The type of the object a member call is made on (the pointee for `->`).
QualType objectType(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  const auto *ME = dyn_cast_or_null<MemberExpr>(Callee);
  if (!ME || ME->getBase()->isTypeDependent())
    return QualType();
  QualType T = ME->getBase()->getType();
  return ME->isArrow() ? T->getPointeeType() : T;
}

SourceLocation memberLoc(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->getMemberLoc();
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    return DM->getMemberLoc();
  if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    return UM->getMemberLoc();
  return {};
}

/// Looks for a member named \p Name in \p RD or its bases.
bool declaresMember(const CXXRecordDecl *RD, llvm::StringRef Name,
                    unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return false;
  RD = RD->getDefinition();
  if (!RD)
    return false;
  for (const Decl *D : RD->decls())
    if (const auto *ND = dyn_cast<NamedDecl>(D))
      if (ND->getIdentifier() && ND->getName() == Name)
        return true;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    QualType BT = B.getType();
    const CXXRecordDecl *Base = BT->getAsCXXRecordDecl();
    if (!Base)
      if (const auto *TST = BT->getAs<TemplateSpecializationType>())
        if (const auto *TD = dyn_cast_or_null<ClassTemplateDecl>(
                TST->getTemplateName().getAsTemplateDecl()))
          Base = TD->getTemplatedDecl();
    if (declaresMember(Base, Name, Depth + 1))
      return true;
  }
  return false;
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const auto *TD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return TD->getTemplatedDecl();
  return nullptr;
}

bool inMainFile(const Decl *D, const SourceManager &SM) {
  for (const Decl *R : D->redecls()) {
    SourceLocation L = SM.getExpansionLoc(R->getLocation());
    if (L.isInvalid() || !SM.isInMainFile(L))
      return false;
  }
  return true;
}

const FunctionDecl *mainOrNull(const FunctionDecl *F) {
  return F && F->isMain() ? F : nullptr;
}

/// The function a variable is local to.
const FunctionDecl *ownerFunction(const VarDecl *V) {
  return dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
}

bool isMakeFunction(const FunctionDecl *F) {
  if (!F || !F->getIdentifier())
    return false;
  std::string N = qualifiedNameOf(F);
  return N == "std::make_shared" || N == "std::make_unique" ||
         N == "std::allocate_shared" || N == "absl::make_unique";
}

} // namespace

bool isKeyedContainer(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && declaresMember(RD, "mapped_type") && declaresMember(RD, "erase");
}

bool isContainer(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  return declaresMember(RD, "begin") &&
         (declaresMember(RD, "size") || declaresMember(RD, "erase"));
}

bool isRepeatable(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<DeclRefExpr, IntegerLiteral, StringLiteral, CharacterLiteral,
          FloatingLiteral, CXXBoolLiteralExpr, CXXNullPtrLiteralExpr,
          CXXThisExpr>(E))
    return true;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isRepeatable(ME->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return !UO->isIncrementDecrementOp() && isRepeatable(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && BO->getOpcode() != BO_Comma &&
           isRepeatable(BO->getLHS()) && isRepeatable(BO->getRHS());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    return M && M->isConst() && MC->getNumArgs() == 0 &&
           isRepeatable(MC->getImplicitObjectArgument());
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return C->getNumArgs() == 1 &&
           (C->getConstructor()->isCopyOrMoveConstructor() ||
            C->getConstructor()->isConvertingConstructor(false)) &&
           isRepeatable(C->getArg(0));
  return false;
}

llvm::StringRef nonOwningLink(QualType T, const ContextModel &Model,
                              const ASTContext &Ctx) {
  // Walk the type the way findInside does, but remember the kind of the
  // first link that does not own what it leads to.
  struct Item {
    QualType T;
    llvm::StringRef Link;
    unsigned Depth;
  };
  llvm::SmallVector<Item, 16> Work{{T, "", 0}};
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (I.T.isNull() || I.Depth > 6)
      continue;
    QualType C = I.T.getCanonicalType();
    llvm::StringRef Link = I.Link;
    if (C->isReferenceType()) {
      if (Link.empty())
        Link = "reference";
      C = C.getNonReferenceType().getCanonicalType();
    }
    while (C->isPointerType() || C->isArrayType()) {
      if (C->isPointerType()) {
        if (Link.empty())
          Link = "pointer";
        C = C->getPointeeType().getCanonicalType();
      } else {
        C = QualType(C->getArrayElementTypeNoTypeQual(), 0).getCanonicalType();
      }
    }
    if (const ContextTypeInfo *Info = Model.classify(C, Ctx)) {
      if (Info->Role != ContextRole::Thread &&
          Info->Role != ContextRole::ScopeGuard && !Link.empty())
        return Link;
      continue;
    }
    const CXXRecordDecl *RD = C->getAsCXXRecordDecl();
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      continue;
    std::string Name = qualifiedNameOf(RD);
    llvm::StringRef Next = Link;
    if (Next.empty()) {
      if (Name == "std::reference_wrapper")
        Next = "std::reference_wrapper";
      else if (Name == "std::span" || Name == "gsl::not_null" ||
               Name == "std::basic_string_view")
        Next = "view";
    }
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        Work.push_back({Arg.getAsType(), Next, I.Depth + 1});
  }
  return "";
}

StorageAnalysis::StorageAnalysis(ASTContext &Ctx, const ContextModel &Model,
                                 llvm::ArrayRef<std::string> LongLivedTypes)
    : Ctx(Ctx), Model(Model),
      LongLivedNames(LongLivedTypes.begin(), LongLivedTypes.end()) {}

StorageAnalysis::~StorageAnalysis() = default;

std::optional<LongLivedReason>
StorageAnalysis::longLived(const CXXRecordDecl *RD) const {
  if (!RD)
    return std::nullopt;
  RD = RD->getCanonicalDecl();
  auto It = LongLivedClasses.find(RD);
  if (It != LongLivedClasses.end())
    return It->second;
  if (!LongLivedNames.empty()) {
    // The class or one of its bases is listed.
    llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD};
    for (unsigned Steps = 0; !Work.empty() && Steps < 16; ++Steps) {
      const CXXRecordDecl *C = Work.pop_back_val();
      if (llvm::is_contained(LongLivedNames, qualifiedNameOf(C)))
        return LongLivedReason{};
      if (const CXXRecordDecl *Def = C->getDefinition())
        for (const CXXBaseSpecifier &B : Def->bases())
          if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
            Work.push_back(Base);
    }
  }
  return std::nullopt;
}

std::optional<StaticTarget>
StorageAnalysis::staticTargetOf(const Expr *E) const {
  return targetOf(E, 0);
}

std::optional<StaticTarget>
StorageAnalysis::returnedTarget(const FunctionDecl *FD, unsigned Depth) const {
  FD = FD->getCanonicalDecl();
  auto Cached = Returned.find(FD);
  if (Cached != Returned.end())
    return Cached->second;
  Returned[FD] = std::nullopt; // Recursion guard.
  const FunctionDecl *Def = nullptr;
  const Stmt *Body = FD->getBody(Def);
  std::optional<StaticTarget> Result;
  bool AllStatic = Body != nullptr;
  // Every return statement must designate the same static storage.
  llvm::SmallVector<const Stmt *, 16> Work{Body};
  while (AllStatic && !Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      std::optional<StaticTarget> T = targetOf(R->getRetValue(), Depth + 1);
      if (!T || (Result && Result->Key != T->Key))
        AllStatic = false;
      else
        Result = T;
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  if (!AllStatic)
    Result = std::nullopt;
  Returned[FD] = Result;
  return Result;
}

std::optional<StaticTarget> StorageAnalysis::targetOf(const Expr *E,
                                                      unsigned Depth) const {
  if (!E || Depth > 8)
    return std::nullopt;
  E = ignoreTemporaries(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return std::nullopt;
    if (V->hasGlobalStorage())
      return StaticTarget{V, V, nullptr, false};
    if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
      // The parameter of a lambda passed to withWLock & co. is the object
      // the wrapper guards.
      const auto *M =
          dyn_cast_or_null<CXXMethodDecl>(P->getParentFunctionOrMethod());
      if (!M || !M->getParent()->isLambda())
        return std::nullopt;
      const CallExpr *Call =
          LambdaCalls.lookup(M->getParent()->getCanonicalDecl());
      if (!Call || !isLockedCallbackMethod(memberName(Call->getCallee())))
        return std::nullopt;
      std::optional<StaticTarget> T =
          targetOf(memberObject(Call->getCallee()), Depth + 1);
      if (T)
        T->Element = true;
      return T;
    }
    const Expr *Init = V->getInit();
    if (!Init)
      return std::nullopt;
    if (V->getType()->isReferenceType())
      return targetOf(Init, Depth + 1);
    // auto locked = g.wlock();
    if (const auto *MC = dyn_cast<CallExpr>(ignoreTemporaries(Init)))
      if (isLockAccessMethod(memberName(MC->getCallee())))
        return targetOf(Init, Depth + 1);
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return V->hasGlobalStorage()
                 ? std::optional<StaticTarget>({V, V, nullptr, false})
                 : std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return std::nullopt;
    const Expr *Base = ignoreTemporaries(ME->getBase());
    if (isa<CXXThisExpr>(Base)) {
      const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
      if (longLived(RD))
        return StaticTarget{F, nullptr, RD->getCanonicalDecl(), false};
      return std::nullopt;
    }
    if (std::optional<StaticTarget> T = targetOf(Base, Depth + 1))
      return StaticTarget{F, T->Root, T->LongLived, false};
    return std::nullopt;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind Op = OC->getOperator();
    if ((Op == OO_Subscript || Op == OO_Arrow || Op == OO_Star) &&
        OC->getNumArgs() >= 1) {
      std::optional<StaticTarget> T = targetOf(OC->getArg(0), Depth + 1);
      if (T)
        T->Element = true;
      return T;
    }
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    std::optional<StaticTarget> T = targetOf(AS->getBase(), Depth + 1);
    if (T)
      T->Element = true;
    return T;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return targetOf(UO->getSubExpr(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    llvm::StringRef Name = memberName(CE->getCallee());
    if (const Expr *Object = memberObject(CE->getCallee())) {
      // g.wlock(), and accessors that return a reference into the object.
      bool Accessor = isLockAccessMethod(Name);
      if (!Accessor && !E->getType().isNull() && !E->isTypeDependent())
        Accessor = CE->getCallReturnType(Ctx)->isLValueReferenceType();
      if (!Accessor)
        return std::nullopt;
      std::optional<StaticTarget> T = targetOf(Object, Depth + 1);
      if (T)
        T->Element = true;
      return T;
    }
    // registry(), Singleton::instance(): a function returning a reference to
    // static storage.
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getReturnType()->isLValueReferenceType() ||
        FD->getBuiltinID())
      return std::nullopt;
    return returnedTarget(FD, Depth);
  }
  return std::nullopt;
}

ValueOrigin StorageAnalysis::originOf(const Expr *E) const {
  ValueOrigin O;
  originInto(E, O, 0);
  return O;
}

void StorageAnalysis::originInto(const Expr *E, ValueOrigin &Out,
                                 unsigned Depth) const {
  if (!E || Depth > 6)
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
      if (V->hasGlobalStorage() || targetOf(DRE, 0)) {
        Out.FromStatic = true;
        continue;
      }
      if (mainOrNull(ownerFunction(V)))
        continue;
      if (isa<ParmVarDecl>(V)) {
        Out.FromRequest = true;
        continue;
      }
      const Expr *Init = V->getInit();
      if (V->getType()->isReferenceType()) {
        originInto(Init, Out, Depth + 1);
        continue;
      }
      ValueOrigin Sub;
      originInto(Init, Sub, Depth + 1);
      Out.FromStatic |= Sub.FromStatic;
      // A local holding a copy of its own is the request's, whatever its
      // initializer: only a pure copy of static storage is not.
      if (Sub.FromRequest || Sub.Fresh || !Sub.FromStatic) {
        const ContextTypeInfo *Info = Model.classify(V->getType(), Ctx);
        if (Sub.FromRequest || Sub.Fresh)
          Out.FromRequest = true;
        else if (Info && Info->Role != ContextRole::Token)
          Out.FromRequest =
              true; // std::stop_source src; grpc::ClientContext c;
      }
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *Ctor = C->getConstructor();
      if (Ctor && !Ctor->isCopyOrMoveConstructor())
        if (const ContextTypeInfo *Info = Model.classify(C->getType(), Ctx))
          if (Info->Role != ContextRole::Token)
            Out.Fresh = true;
    } else if (const auto *N = dyn_cast<CXXNewExpr>(S)) {
      if (const ContextTypeInfo *Info =
              Model.classify(N->getAllocatedType(), Ctx))
        if (Info->Role != ContextRole::Token)
          Out.Fresh = true;
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // std::exchange(slot, v) yields the slot's old value, not v.
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && FD->getIdentifier() && FD->getName() == "exchange" &&
          CE->getNumArgs() == 2 && qualifiedNameOf(FD) == "std::exchange") {
        Work.push_back(CE->getArg(0));
        continue;
      }
      if (isMakeFunction(CE->getDirectCallee()))
        if (ContextModel::Nested N = Model.findInside(CE->getType(), Ctx);
            N.Info && N.Info->Role != ContextRole::Token)
          Out.Fresh = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

bool StorageAnalysis::removalVisibleInFile(const StaticTarget &T) const {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Visible = [&](const ValueDecl *D) {
    if (!D)
      return true;
    if (Escaped.contains(D))
      return false;
    if (const auto *F = dyn_cast<FieldDecl>(D))
      return inMainFile(F->getParent(), SM);
    return inMainFile(D, SM);
  };
  if (!Visible(T.Key) || !Visible(T.Root))
    return false;
  if (T.LongLived && !inMainFile(T.LongLived, SM))
    return false;
  return true;
}

bool StorageAnalysis::hasRemoval(const StaticTarget &T) const {
  return Removed.contains(T.Key) || (T.Root && Removed.contains(T.Root));
}

bool StorageAnalysis::writesTo(const Stmt *S, const StaticTarget &T) const {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = ignoreTemporaries(E);
  auto Same = [&](const Expr *X) {
    std::optional<StaticTarget> U = targetOf(X, 0);
    return U && U->Key == T.Key;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->getOpcode() == BO_Assign && Same(BO->getLHS());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
           Same(OC->getArg(0));
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const Expr *Object = memberObject(CE->getCallee()))
      return (isRemovalMethod(memberName(CE->getCallee())) ||
              memberName(CE->getCallee()) == "emplace") &&
             Same(Object);
    if (const FunctionDecl *FD = CE->getDirectCallee())
      return FD->getIdentifier() && isRemovalFunction(qualifiedNameOf(FD)) &&
             CE->getNumArgs() >= 1 && Same(CE->getArg(0));
  }
  return false;
}

bool StorageAnalysis::containsWriteTo(const Stmt *S, const StaticTarget &T,
                                      bool OnlyInLambdas) const {
  llvm::SmallVector<std::pair<const Stmt *, bool>, 16> Work{
      {S, !OnlyInLambdas}};
  for (unsigned Steps = 0; !Work.empty() && Steps < 4096; ++Steps) {
    auto [Cur, Counts] = Work.pop_back_val();
    if (!Cur)
      continue;
    if (Counts && writesTo(Cur, T))
      return true;
    if (const auto *LE = dyn_cast<LambdaExpr>(Cur))
      Work.push_back({LE->getBody(), true});
    for (const Stmt *Child : Cur->children())
      Work.push_back({Child, Counts});
  }
  return false;
}

bool StorageAnalysis::isRepeatableAccess(const Expr *E) const {
  if (!E)
    return false;
  E = ignoreTemporaries(E);
  if (isa<DeclRefExpr, CXXThisExpr>(E))
    return true;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isRepeatableAccess(ME->getBase());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
           OC->getNumArgs() == 1 && isRepeatableAccess(OC->getArg(0));
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (CE->getNumArgs() != 0 || !targetOf(CE, 0))
      return false;
    if (const Expr *Object = memberObject(CE->getCallee()))
      return isRepeatableAccess(Object);
    return true;
  }
  return false;
}

/// One walk over the translation unit, skipping system headers and template
/// instantiations.
class StorageScanner : public RecursiveASTVisitor<StorageScanner> {
public:
  StorageScanner(StorageAnalysis &A, bool CollectStores)
      : A(A), SM(A.Ctx.getSourceManager()), CollectStores(CollectStores) {}

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D)) {
      SourceLocation L = D->getLocation();
      if (L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L)))
        return true;
    }
    if (D->isInvalidDecl())
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && FD->doesThisDeclarationHaveABody()) {
      Functions.push_back({FD, FD->getBody()});
      bool R = RecursiveASTVisitor::TraverseDecl(D);
      Functions.pop_back();
      return R;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    Functions.push_back({LE->getCallOperator(), LE->getBody()});
    bool R = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    Functions.pop_back();
    return R;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (!CollectStores) {
      // Classes with an object of static storage are long-lived.
      if (V->hasGlobalStorage() && !V->isInvalidDecl()) {
        QualType T =
            A.Ctx.getBaseElementType(V->getType().getNonReferenceType());
        if (!V->getType()->isReferenceType())
          if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
            A.LongLivedClasses.try_emplace(RD->getCanonicalDecl(),
                                           LongLivedReason{V});
      }
      return true;
    }
    const Expr *Init = V->getInit() ? ignoreTemporaries(V->getInit()) : nullptr;
    bool DefaultInit =
        Init && ((isa<CXXConstructExpr>(Init) &&
                  cast<CXXConstructExpr>(Init)->getNumArgs() == 0) ||
                 (isa<InitListExpr>(Init) &&
                  cast<InitListExpr>(Init)->getNumInits() == 0));
    if (V->isStaticLocal() && Init && !DefaultInit && !Functions.empty() &&
        !Init->containsErrors()) {
      StoreSite S = site(StoreKind::StaticInit, V->getInit());
      S.Target = StaticTarget{V, V, nullptr, false};
      S.Values.push_back(V->getInit());
      A.Stores.push_back(std::move(S));
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (CE->containsErrors())
      return true;
    if (!CollectStores) {
      // Remember which call each lambda is handed to (withWLock & co.).
      for (const Expr *Arg : CE->arguments()) {
        const Expr *S = ignoreTemporaries(Arg);
        if (const auto *C = dyn_cast<CXXConstructExpr>(S);
            C && C->getNumArgs() == 1)
          S = ignoreTemporaries(C->getArg(0));
        if (const auto *LE = dyn_cast<LambdaExpr>(S))
          A.LambdaCalls[LE->getLambdaClass()->getCanonicalDecl()] = CE;
      }
      return true;
    }
    if (isa<CXXOperatorCallExpr>(CE))
      return true; // VisitCXXOperatorCallExpr.
    if (const Expr *Object = memberObject(CE->getCallee())) {
      llvm::StringRef Name = memberName(CE->getCallee());
      std::optional<StaticTarget> T;
      if (isInsertMethod(Name) || isRemovalMethod(Name))
        T = A.targetOf(Object, 0);
      if (T && isRemovalMethod(Name))
        noteRemoval(*T);
      if (T && isInsertMethod(Name)) {
        StoreSite S = site(StoreKind::Insert, CE);
        S.Object = Object;
        S.ObjectType = objectType(CE->getCallee());
        S.Method = Name.str();
        S.MemberLoc = memberLoc(CE->getCallee());
        S.Target = *T;
        for (const Expr *Arg : CE->arguments())
          S.Values.push_back(Arg);
        S.Key = keyOfInsert(Name, CE);
        A.Stores.push_back(std::move(S));
      }
    } else if (const FunctionDecl *FD = CE->getDirectCallee();
               FD && FD->getIdentifier() &&
               isRemovalFunction(qualifiedNameOf(FD))) {
      std::string N = qualifiedNameOf(FD);
      for (unsigned I = 0; I < CE->getNumArgs() && I < 2; ++I) {
        if (I == 1 && !llvm::StringRef(N).ends_with("swap"))
          break;
        if (std::optional<StaticTarget> T = A.targetOf(CE->getArg(I), 0))
          noteRemoval(*T);
      }
      if (N == "std::exchange" && CE->getNumArgs() == 2)
        if (std::optional<StaticTarget> T = A.targetOf(CE->getArg(0), 0)) {
          StoreSite S = site(StoreKind::Exchange, CE);
          S.Object = CE->getArg(0);
          if (!CE->getArg(0)->isTypeDependent())
            S.ObjectType = CE->getArg(0)->getType();
          S.Target = *T;
          S.Values.push_back(CE->getArg(1));
          A.Stores.push_back(std::move(S));
        }
      return true;
    }
    // Static storage handed to code this file may not see, by non-const
    // reference or pointer, may be emptied there.
    const FunctionDecl *FD = CE->getDirectCallee();
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      CallArguments.insert(Arg->IgnoreParenImpCasts());
      QualType PT;
      if (FD && I < FD->getNumParams())
        PT = FD->getParamDecl(I)->getType();
      bool MayModify = PT.isNull() || PT->isRValueReferenceType() ||
                       ((PT->isLValueReferenceType() || PT->isPointerType()) &&
                        !PT->getPointeeType().isConstQualified());
      if (!MayModify)
        continue;
      const Expr *S = ignoreTemporaries(Arg);
      if (const auto *UO = dyn_cast<UnaryOperator>(S);
          UO && UO->getOpcode() == UO_AddrOf)
        S = UO->getSubExpr();
      if (std::optional<StaticTarget> T = A.targetOf(S, 0))
        noteEscape(*T);
    }
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (!CollectStores || OC->containsErrors())
      return true;
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      noteAssignment(OC, OC->getArg(0), OC->getArg(1));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!CollectStores || BO->containsErrors())
      return true;
    if (BO->getOpcode() == BO_Assign)
      noteAssignment(BO, BO->getLHS(), BO->getRHS());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (!CollectStores || UO->getOpcode() != UO_AddrOf)
      return true;
    // &g_map kept anywhere but a call argument (handled above) escapes.
    if (CallArguments.contains(UO))
      return true;
    if (std::optional<StaticTarget> T = A.targetOf(UO->getSubExpr(), 0))
      noteEscape(*T);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    // auto old = std::move(g_map); empties g_map.
    if (!CollectStores || C->getNumArgs() != 1 ||
        !C->getConstructor()->isMoveConstructor())
      return true;
    if (std::optional<StaticTarget> T = A.targetOf(C->getArg(0), 0))
      noteRemoval(*T);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *R) {
    if (!CollectStores || Functions.empty() || !R->getRetValue())
      return true;
    // A reference returned from a function that other files can call.
    const FunctionDecl *F = Functions.back().F;
    QualType RT = F->getReturnType();
    if (!RT->isReferenceType() && !RT->isPointerType())
      return true;
    if (RT->getPointeeType().isConstQualified())
      return true;
    std::optional<StaticTarget> T = A.targetOf(R->getRetValue(), 0);
    if (!T)
      return true;
    const SourceManager &SM = A.Ctx.getSourceManager();
    bool Local = F->getLinkageInternal() != Linkage::External ||
                 llvm::all_of(F->redecls(), [&](const FunctionDecl *D) {
                   return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
                 });
    if (isa<CXXMethodDecl>(F) &&
        !SM.isInMainFile(SM.getExpansionLoc(
            cast<CXXMethodDecl>(F)->getParent()->getLocation())))
      Local = false;
    if (!Local)
      noteEscape(*T);
    return true;
  }

private:
  struct FunctionFrame {
    const FunctionDecl *F;
    const Stmt *Body;
  };

  StoreSite site(StoreKind K, const Expr *Store) {
    StoreSite S;
    S.Kind = K;
    S.Store = Store;
    if (!Functions.empty()) {
      S.Function = Functions.back().F;
      S.Body = Functions.back().Body;
    }
    return S;
  }

  void noteRemoval(const StaticTarget &T) { A.Removed.insert(T.Key); }
  void noteEscape(const StaticTarget &T) {
    A.Escaped.insert(T.Key);
    if (T.Root)
      A.Escaped.insert(T.Root);
  }

  void noteAssignment(const Expr *Store, const Expr *LHS, const Expr *RHS) {
    const Expr *L = ignoreTemporaries(LHS);
    // c[key] = value
    const Expr *Container = nullptr, *Key = nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(L);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
      Container = OC->getArg(0);
      Key = OC->getArg(1);
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(L)) {
      Container = AS->getBase();
      Key = AS->getIdx();
    }
    if (Container) {
      if (std::optional<StaticTarget> T = A.targetOf(Container, 0)) {
        StoreSite S = site(StoreKind::SubscriptAssign, Store);
        S.Object = Container;
        if (!Container->isTypeDependent())
          S.ObjectType = Container->getType();
        S.Target = *T;
        S.Values.push_back(RHS);
        S.Key = Key;
        A.Stores.push_back(std::move(S));
      }
      return;
    }
    std::optional<StaticTarget> T = A.targetOf(L, 0);
    if (!T)
      return;
    // Reassigning a container empties it.
    noteRemoval(*T);
    StoreSite S = site(StoreKind::Assign, Store);
    S.Object = LHS;
    if (!LHS->isTypeDependent())
      S.ObjectType = LHS->getType();
    S.Target = *T;
    S.Values.push_back(RHS);
    A.Stores.push_back(std::move(S));
  }

  /// The key of c.insert({k, v}), c.emplace(k, v), c.try_emplace(k, ...).
  static const Expr *keyOfInsert(llvm::StringRef Name, const CallExpr *CE) {
    if (CE->getNumArgs() == 0)
      return nullptr;
    if (Name == "try_emplace" || Name == "insert_or_assign")
      return CE->getArg(0);
    if (Name == "emplace" && CE->getNumArgs() == 2)
      return CE->getArg(0);
    if (Name == "insert" && CE->getNumArgs() == 1) {
      const Expr *Arg = ignoreTemporaries(CE->getArg(0));
      if (const auto *C = dyn_cast<CXXConstructExpr>(Arg);
          C && C->getNumArgs() == 1)
        Arg = ignoreTemporaries(C->getArg(0));
      if (const auto *IL = dyn_cast<InitListExpr>(Arg);
          IL && IL->getNumInits() == 2)
        return IL->getInit(0);
      if (const auto *C = dyn_cast<CXXConstructExpr>(Arg);
          C && C->getNumArgs() == 2)
        return C->getArg(0);
      if (const auto *Call = dyn_cast<CallExpr>(Arg))
        if (const FunctionDecl *FD = Call->getDirectCallee();
            FD && FD->getIdentifier() && FD->getName() == "make_pair" &&
            Call->getNumArgs() == 2)
          return Call->getArg(0);
    }
    return nullptr;
  }

  StorageAnalysis &A;
  const SourceManager &SM;
  bool CollectStores;
  llvm::SmallVector<FunctionFrame, 4> Functions;
  /// Arguments of the calls seen so far (calls are visited before their
  /// arguments), so that `&x` as an argument is not taken for an escape.
  llvm::DenseSet<const Expr *> CallArguments;
};

void StorageAnalysis::scan() {
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  // First the facts the second walk depends on: long-lived classes and the
  // calls lambdas are handed to.
  StorageScanner(*this, /*CollectStores=*/false).TraverseDecl(TU);
  StorageScanner(*this, /*CollectStores=*/true).TraverseDecl(TU);
}

} // namespace clang::tidy::ctx
