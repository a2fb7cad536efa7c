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
    TypeLink First = TypeLink::None;
    QualType C = lookThroughIndirection(I.T, First);
    llvm::StringRef Link = I.Link;
    if (Link.empty() && First != TypeLink::None)
      Link = First == TypeLink::Reference ? "reference" : "pointer";
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
    llvm::StringRef Next = Link;
    if (const LibraryTypeInfo *Lib = libraryTypeOf(RD);
        Next.empty() && Lib && Lib->Role == LibraryRole::NonOwningWrapper)
      Next = Lib->Link;
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        Work.push_back({Arg.getAsType(), Next, I.Depth + 1});
  }
  return "";
}

bool holdsContextsOnlyInPointeeCollections(QualType T,
                                           const ContextModel &Model,
                                           const ASTContext &Ctx) {
  // Walk the type the way findInside does, and remember how far along
  // "pointer to an object, then a collection inside it" each path is.
  enum Stage { Direct, InPointee, InPointeeCollection };
  struct Item {
    QualType T;
    Stage At;
    unsigned Depth;
  };
  llvm::SmallVector<Item, 16> Work{{T, Direct, 0}};
  llvm::DenseSet<std::pair<const Type *, int>> Seen;
  bool Found = false;
  while (!Work.empty()) {
    Item I = Work.pop_back_val();
    if (I.T.isNull() || I.Depth > 6)
      continue;
    TypeLink First = TypeLink::None;
    QualType C = lookThroughIndirection(I.T, First);
    bool Linked = First != TypeLink::None;
    if (const ContextTypeInfo *Info = Model.classify(C, Ctx)) {
      if (Info->Role == ContextRole::Thread ||
          Info->Role == ContextRole::ScopeGuard)
        continue;
      if (I.At != InPointeeCollection)
        return false;
      Found = true;
      continue;
    }
    const CXXRecordDecl *RD = C->getAsCXXRecordDecl();
    if (!RD)
      continue;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      // A container, or an adaptor whose arguments name one.
      bool Collection = isContainer(C);
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type &&
            isContainer(Arg.getAsType()))
          Collection = true;
      Stage Next = I.At == InPointee && Collection ? InPointeeCollection : I.At;
      if (!Seen.insert({C.getTypePtr(), Next}).second)
        continue;
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          Work.push_back({Arg.getAsType(), Next, I.Depth + 1});
      continue;
    }
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def || Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      continue;
    Stage Next = I.At == Direct && Linked ? InPointee : I.At;
    if (!Seen.insert({C.getTypePtr(), Next}).second)
      continue;
    for (const FieldDecl *F : Def->fields())
      Work.push_back({F->getType(), Next, I.Depth + 1});
  }
  return Found;
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
      if (!Call || !isLockedCallbackMethod(calledMemberName(Call->getCallee())))
        return std::nullopt;
      std::optional<StaticTarget> T =
          targetOf(calledMemberObject(Call->getCallee()), Depth + 1);
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
      if (isLockAccessMethod(calledMemberName(MC->getCallee())))
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
    llvm::StringRef Name = calledMemberName(CE->getCallee());
    if (const Expr *Object = calledMemberObject(CE->getCallee())) {
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

FeedingOrigins StorageAnalysis::originsOf(const Expr *E) const {
  return feedingOrigins(E, Model, Ctx, [this](const Expr *X) {
    return targetOf(X, 0).has_value();
  });
}

bool StorageAnalysis::removalVisibleInFile(const StaticTarget &T) const {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Visible = [&](const ValueDecl *D) {
    if (!D)
      return true;
    if (Escaped.contains(D))
      return false;
    // Declared here but defined in another translation unit (an extern
    // variable, a static data member defined elsewhere): it may be pruned
    // where it is defined.
    if (const auto *V = dyn_cast<VarDecl>(D); V && !V->getDefinition())
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
    if (const Expr *Object = calledMemberObject(CE->getCallee()))
      return (isRemovalMethod(calledMemberName(CE->getCallee())) ||
              calledMemberName(CE->getCallee()) == "emplace") &&
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
    if (const Expr *Object = calledMemberObject(CE->getCallee()))
      return isRepeatableAccess(Object);
    return true;
  }
  return false;
}

} // namespace clang::tidy::ctx
