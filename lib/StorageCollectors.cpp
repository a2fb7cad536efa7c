//===--- StorageCollectors.cpp - ctx-tidy ---------------------------------===//
//
// StorageAnalysis::scan(): two walks over the translation unit. The first
// collects the facts the second depends on (which classes are long-lived,
// which call each lambda is handed to); the second, asking StorageAnalysis
// what static storage an expression designates, collects the stores into
// static storage, the removals from it and the uses that let it escape.
//
//===----------------------------------------------------------------------===//

#include "lib/ExprShapes.h"
#include "lib/StorageAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::ctx {

namespace {

/// The walk both collectors make: every declaration outside system headers
/// (and not invalid), template instantiations left out, with the function or
/// lambda whose body is being walked.
template <class Derived> class UnitWalk : public RecursiveASTVisitor<Derived> {
  using Base = RecursiveASTVisitor<Derived>;

  // Only the collectors derive from it.
  explicit UnitWalk(const SourceManager &SM) : SM(SM) {}
  friend Derived;

public:
  // The visitor's own hook names (the base is dependent here, so the naming
  // check cannot see that they hide its members).
  bool TraverseDecl(Decl *D) { // NOLINT(readability-identifier-naming)
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
      bool R = Base::TraverseDecl(D);
      Functions.pop_back();
      return R;
    }
    return Base::TraverseDecl(D);
  }

  bool
  TraverseLambdaExpr(LambdaExpr *LE) { // NOLINT(readability-identifier-naming)
    Functions.push_back({LE->getCallOperator(), LE->getBody()});
    bool R = Base::TraverseLambdaExpr(LE);
    Functions.pop_back();
    return R;
  }

protected:
  struct FunctionFrame {
    const FunctionDecl *F;
    const Stmt *Body;
  };

  const SourceManager &SM;
  llvm::SmallVector<FunctionFrame, 4> Functions;
};

/// The first walk: classes with an object of static storage are long-lived,
/// and each lambda is remembered with the call it is handed to (withWLock
/// and its relatives run it on the object they guard).
class LongLivedCollector : public UnitWalk<LongLivedCollector> {
public:
  explicit LongLivedCollector(const ASTContext &Ctx)
      : UnitWalk(Ctx.getSourceManager()), Ctx(Ctx) {}

  llvm::DenseMap<const CXXRecordDecl *, LongLivedReason> LongLivedClasses;
  llvm::DenseMap<const CXXRecordDecl *, const CallExpr *> LambdaCalls;

  bool VisitVarDecl(VarDecl *V) {
    if (!V->hasGlobalStorage() || V->isInvalidDecl() ||
        V->getType()->isReferenceType())
      return true;
    QualType T = Ctx.getBaseElementType(V->getType().getNonReferenceType());
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
      LongLivedClasses.try_emplace(RD->getCanonicalDecl(), LongLivedReason{V});
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (CE->containsErrors())
      return true;
    for (const Expr *Arg : CE->arguments()) {
      const Expr *S = ignoreTemporaries(Arg);
      if (const auto *C = dyn_cast<CXXConstructExpr>(S);
          C && C->getNumArgs() == 1)
        S = ignoreTemporaries(C->getArg(0));
      if (const auto *LE = dyn_cast<LambdaExpr>(S))
        LambdaCalls[LE->getLambdaClass()->getCanonicalDecl()] = CE;
    }
    return true;
  }

private:
  const ASTContext &Ctx;
};

/// The key of c.insert({k, v}), c.emplace(k, v), c.try_emplace(k, ...).
const Expr *keyOfInsert(llvm::StringRef Name, const CallExpr *CE) {
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

/// The second walk: stores into static storage, removals from it, and uses
/// that hand it to code this file may not see.
class StoreCollector : public UnitWalk<StoreCollector> {
public:
  StoreCollector(const StorageAnalysis &A, const ASTContext &Ctx)
      : UnitWalk(Ctx.getSourceManager()), A(A) {}

  std::vector<StoreSite> Stores;
  llvm::DenseSet<const ValueDecl *> Removed;
  llvm::DenseSet<const ValueDecl *> Escaped;

  bool VisitVarDecl(VarDecl *V) {
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
      Stores.push_back(std::move(S));
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (CE->containsErrors() || isa<CXXOperatorCallExpr>(CE))
      return true; // Operators: VisitCXXOperatorCallExpr.
    if (const Expr *Object = calledMemberObject(CE->getCallee())) {
      llvm::StringRef Name = calledMemberName(CE->getCallee());
      std::optional<StaticTarget> T;
      if (isInsertMethod(Name) || isRemovalMethod(Name))
        T = A.staticTargetOf(Object);
      if (T && isRemovalMethod(Name))
        noteRemoval(*T);
      if (T && isInsertMethod(Name)) {
        StoreSite S = site(StoreKind::Insert, CE);
        S.Object = Object;
        S.ObjectType = calledMemberObjectType(CE->getCallee());
        S.Method = Name.str();
        S.MemberLoc = calledMemberLoc(CE->getCallee());
        S.Target = *T;
        for (const Expr *Arg : CE->arguments())
          S.Values.push_back(Arg);
        S.Key = keyOfInsert(Name, CE);
        Stores.push_back(std::move(S));
      }
    } else if (const FunctionDecl *FD = CE->getDirectCallee();
               FD && FD->getIdentifier() &&
               isRemovalFunction(qualifiedNameOf(FD))) {
      std::string N = qualifiedNameOf(FD);
      for (unsigned I = 0; I < CE->getNumArgs() && I < 2; ++I) {
        if (I == 1 && !llvm::StringRef(N).ends_with("swap"))
          break;
        if (std::optional<StaticTarget> T = A.staticTargetOf(CE->getArg(I)))
          noteRemoval(*T);
      }
      if (N == "std::exchange" && CE->getNumArgs() == 2)
        if (std::optional<StaticTarget> T = A.staticTargetOf(CE->getArg(0))) {
          StoreSite S = site(StoreKind::Exchange, CE);
          S.Object = CE->getArg(0);
          if (!CE->getArg(0)->isTypeDependent())
            S.ObjectType = CE->getArg(0)->getType();
          S.Target = *T;
          S.Values.push_back(CE->getArg(1));
          Stores.push_back(std::move(S));
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
      if (std::optional<StaticTarget> T = A.staticTargetOf(S))
        noteEscape(*T);
    }
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->containsErrors())
      return true;
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      noteAssignment(OC, OC->getArg(0), OC->getArg(1));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->containsErrors())
      return true;
    if (BO->getOpcode() == BO_Assign)
      noteAssignment(BO, BO->getLHS(), BO->getRHS());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() != UO_AddrOf)
      return true;
    // &g_map kept anywhere but a call argument (handled above) escapes.
    if (CallArguments.contains(UO))
      return true;
    if (std::optional<StaticTarget> T = A.staticTargetOf(UO->getSubExpr()))
      noteEscape(*T);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    // auto old = std::move(g_map); empties g_map.
    if (C->getNumArgs() != 1 || !C->getConstructor()->isMoveConstructor())
      return true;
    if (std::optional<StaticTarget> T = A.staticTargetOf(C->getArg(0)))
      noteRemoval(*T);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *R) {
    if (Functions.empty() || !R->getRetValue())
      return true;
    // A reference returned from a function that other files can call.
    const FunctionDecl *F = Functions.back().F;
    QualType RT = F->getReturnType();
    if (!RT->isReferenceType() && !RT->isPointerType())
      return true;
    if (RT->getPointeeType().isConstQualified())
      return true;
    std::optional<StaticTarget> T = A.staticTargetOf(R->getRetValue());
    if (!T)
      return true;
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

  void noteRemoval(const StaticTarget &T) { Removed.insert(T.Key); }
  void noteEscape(const StaticTarget &T) {
    Escaped.insert(T.Key);
    if (T.Root)
      Escaped.insert(T.Root);
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
      if (std::optional<StaticTarget> T = A.staticTargetOf(Container)) {
        StoreSite S = site(StoreKind::SubscriptAssign, Store);
        S.Object = Container;
        if (!Container->isTypeDependent())
          S.ObjectType = Container->getType();
        S.Target = *T;
        S.Values.push_back(RHS);
        S.Key = Key;
        Stores.push_back(std::move(S));
      }
      return;
    }
    std::optional<StaticTarget> T = A.staticTargetOf(L);
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
    Stores.push_back(std::move(S));
  }

  const StorageAnalysis &A;
  /// Arguments of the calls seen so far (calls are visited before their
  /// arguments), so that `&x` as an argument is not taken for an escape.
  llvm::DenseSet<const Expr *> CallArguments;
};

} // namespace

void StorageAnalysis::scan() {
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  // First the facts the second walk depends on.
  LongLivedCollector Classes(Ctx);
  Classes.TraverseDecl(TU);
  LongLivedClasses = std::move(Classes.LongLivedClasses);
  LambdaCalls = std::move(Classes.LambdaCalls);

  StoreCollector Stored(*this, Ctx);
  Stored.TraverseDecl(TU);
  Stores = std::move(Stored.Stores);
  Removed = std::move(Stored.Removed);
  Escaped = std::move(Stored.Escaped);
}

} // namespace clang::tidy::ctx
