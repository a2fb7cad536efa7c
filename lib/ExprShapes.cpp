//===--- ExprShapes.cpp - ctx-tidy ----------------------------------------===//

#include "lib/ExprShapes.h"
#include "lib/ContextModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::ctx {

namespace {
const Expr *stripOnce(const Expr *E, bool ThroughCopies) {
  const Expr *Next = E->IgnoreParenImpCasts();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
    return M->getSubExpr();
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
    return B->getSubExpr();
  if (const auto *W = dyn_cast<ExprWithCleanups>(Next))
    return W->getSubExpr();
  if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
    if (ThroughCopies || F->getCastKind() == CK_NoOp)
      return F->getSubExpr();
  if (ThroughCopies)
    if (const auto *C = dyn_cast<CXXConstructExpr>(Next);
        C && C->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(C) &&
        C->getConstructor() && C->getConstructor()->isCopyOrMoveConstructor())
      return C->getArg(0);
  return Next;
}

const Expr *strip(const Expr *E, bool ThroughCopies) {
  while (E) {
    const Expr *Next = stripOnce(E, ThroughCopies);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}
} // namespace

const Expr *ignoreTemporaries(const Expr *E) { return strip(E, false); }

const Expr *ignoreCopies(const Expr *E) { return strip(E, true); }

std::string recordNameOf(QualType T) {
  if (T.isNull())
    return "";
  QualType C = T.getNonReferenceType().getCanonicalType();
  if (C->isPointerType())
    return "";
  if (const CXXRecordDecl *RD = C->getAsCXXRecordDecl())
    return qualifiedNameOf(RD);
  return "";
}

llvm::StringRef calledMemberName(const Expr *Callee) {
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

const Expr *calledMemberObject(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->getBase();
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    return DM->isImplicitAccess() ? nullptr : DM->getBase();
  if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    return UM->isImplicitAccess() ? nullptr : UM->getBase();
  return nullptr;
}

QualType calledMemberObjectType(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  const auto *ME = dyn_cast_or_null<MemberExpr>(Callee);
  if (!ME || ME->getBase()->isTypeDependent())
    return QualType();
  QualType T = ME->getBase()->getType();
  return ME->isArrow() ? T->getPointeeType() : T;
}

SourceLocation calledMemberLoc(const Expr *Callee) {
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->getMemberLoc();
  if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    return DM->getMemberLoc();
  if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    return UM->getMemberLoc();
  return {};
}

bool isInInstantiation(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      if (FD->isTemplateInstantiation())
        return true;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC))
      if (isTemplateInstantiation(RD->getTemplateSpecializationKind()))
        return true;
  }
  return false;
}

llvm::SmallVector<const Stmt *, 2>
statementsInStatementPosition(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 2> Out;
  auto Add = [&Out](const Stmt *Child) {
    // `[[likely]] stmt`: the attribute leaves the statement where it is.
    while (const auto *Attributed = dyn_cast_or_null<AttributedStmt>(Child))
      Child = Attributed->getSubStmt();
    if (Child)
      Out.push_back(Child);
  };
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      Add(Child);
  } else if (const auto *If = dyn_cast_or_null<IfStmt>(S)) {
    Add(If->getThen());
    Add(If->getElse());
  } else if (const auto *For = dyn_cast_or_null<ForStmt>(S)) {
    Add(For->getInc());
    Add(For->getBody());
  } else if (const auto *While = dyn_cast_or_null<WhileStmt>(S)) {
    Add(While->getBody());
  } else if (const auto *Do = dyn_cast_or_null<DoStmt>(S)) {
    Add(Do->getBody());
  } else if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(S)) {
    Add(Range->getBody());
  } else if (const auto *Case = dyn_cast_or_null<SwitchCase>(S)) {
    Add(Case->getSubStmt());
  } else if (const auto *Label = dyn_cast_or_null<LabelStmt>(S)) {
    Add(Label->getSubStmt());
  } else if (const auto *Attributed = dyn_cast_or_null<AttributedStmt>(S)) {
    Add(Attributed->getSubStmt());
  }
  return Out;
}

bool isCallableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isFunctionPointerType() || T->isFunctionType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isLambda())
    return true;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getOverloadedOperator() == OO_Call)
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (isCallableType(B.getType()))
      return true;
  return false;
}

bool isCallTo(const CallExpr *C, llvm::StringRef Qualified) {
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && qualifiedNameOf(FD) == Qualified;
}

bool isMoveCall(const CallExpr *C) {
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  if (!F || C->getNumArgs() != 1 || !F->getIdentifier())
    return false;
  llvm::StringRef N = F->getName();
  return (N == "move" || N == "forward") && F->isInStdNamespace();
}

const Expr *ignoreCopiesAndMoves(const Expr *E) {
  // Each round strips one move; four nested moves are more than code has.
  for (unsigned Round = 0; E && Round < 4; ++Round) {
    E = ignoreCopies(E);
    const Expr *Moved = movedFrom(E);
    if (!Moved)
      return E;
    E = Moved;
  }
  return E;
}

const Expr *movedFrom(const Expr *E) {
  const auto *C =
      dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return isMoveCall(C) ? C->getArg(0) : nullptr;
}

} // namespace clang::tidy::ctx
