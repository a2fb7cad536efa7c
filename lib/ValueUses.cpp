//===--- ValueUses.cpp - ctx-tidy -----------------------------------------===//

#include "lib/ValueUses.h"
#include "lib/ExprShapes.h"
#include "lib/FunctionNameSet.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::ctx {

bool passesValueOn(const Stmt *S) {
  return isa_and_nonnull<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                         CXXBindTemporaryExpr, FullExpr>(S);
}

namespace {

/// True for an explicit cast that only spells a construction or changes
/// nothing (`std::thread(f)`, `T(t)` of a T): no copy beyond the one a
/// construction under it makes.
bool onlySpellsConstruction(const ExplicitCastExpr *Cast) {
  return Cast->getCastKind() == CK_ConstructorConversion ||
         Cast->getCastKind() == CK_NoOp;
}

} // namespace

Climbed climb(const Expr *E, const ParentIndex &Parents) {
  Climbed C;
  C.Top = E;
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    DynTypedNode P = Parents.parentOf(DynTypedNode::create(*C.Top));
    C.Parent = P;
    const auto *PE = P.get<Expr>();
    if (!PE)
      return C;
    if (passesValueOn(PE)) {
      C.Top = PE;
      continue;
    }
    // One arm of `c ? a : b`: the result is that value.
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(PE)) {
      if (CO->getCond() == C.Top)
        return C;
      C.Top = PE;
      C.Conditional = true;
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(PE)) {
      if (Cast->getTypeAsWritten()->isVoidType())
        return C;
      if (!Cast->getType()->isReferenceType() && !Cast->isGLValue() &&
          !onlySpellsConstruction(Cast))
        C.Copied = true;
      C.Top = PE;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(PE)) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (Ctor && Ctor->isCopyOrMoveConstructor() && CE->getNumArgs() >= 1 &&
          CE->getArg(0) == C.Top) {
        C.Copied = true;
        C.Top = PE;
        continue;
      }
      return C;
    }
    if (const auto *Call = dyn_cast<CallExpr>(PE))
      if (isMoveCall(Call) && Call->getArg(0) == C.Top) {
        C.Moved = true;
        C.Top = PE;
        continue;
      }
    return C;
  }
  return C;
}

llvm::StringRef Use::methodName() const {
  return Method && Method->getIdentifier() ? Method->getName()
                                           : llvm::StringRef();
}

Passing Use::passing() const {
  if (ParamType.isNull())
    return Passing::Unknown;
  if (ParamType->isRValueReferenceType())
    return Passing::ByRValueReference;
  if (ParamType->isReferenceType())
    return ParamType.getNonReferenceType().isConstQualified()
               ? Passing::ByConstReference
               : Passing::ByReference;
  return Passing::ByValue;
}

const FunctionDecl *calleeOf(const Expr *Call) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Call))
    return CE->getDirectCallee();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Call))
    return CE->getConstructor();
  return nullptr;
}

std::optional<std::pair<const FunctionDecl *, unsigned>>
parameterOf(const Expr *Call, const Expr *Arg, bool &IsObject) {
  IsObject = false;
  const FunctionDecl *F = calleeOf(Call);
  unsigned Offset = 0;
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
    if (isa<CXXOperatorCallExpr>(CE) && M &&
        M->isImplicitObjectMemberFunction()) {
      if (!Args.empty() && Args[0] == Arg) {
        IsObject = true;
        return std::nullopt;
      }
      Offset = 1;
    }
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
  }
  if (!F)
    return std::nullopt;
  for (unsigned I = Offset; I < Args.size(); ++I)
    if (Args[I] == Arg) {
      if (I - Offset < F->getNumParams())
        return std::make_pair(F, I - Offset);
      return std::nullopt;
    }
  return std::nullopt;
}

namespace {

bool isComparison(const Expr *E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->isComparisonOp();
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isComparisonOp();
  return false;
}

/// Fills the argument facts of \p U for the value \p Top passed to \p Call.
/// False if \p Top is the object of a member operator instead.
bool fillArgument(Use &U, const Expr *Call, const Expr *Top) {
  bool IsObject = false;
  std::optional<std::pair<const FunctionDecl *, unsigned>> P =
      parameterOf(Call, Top, IsObject);
  if (IsObject) {
    U.Method = dyn_cast_or_null<CXXMethodDecl>(calleeOf(Call));
    return false;
  }
  U.Call = Call;
  U.Callee = calleeOf(Call);
  if (P) {
    U.ParamIndex = P->second;
    U.ParamType = P->first->getParamDecl(P->second)->getType();
  }
  return true;
}

} // namespace

Use classifyUse(const Expr *E, const ParentIndex &Parents) {
  Use U;
  U.Up = climb(E, Parents);
  const Expr *Top = U.Up.Top;
  const DynTypedNode &P = U.Up.Parent;
  U.User = P.get<Stmt>();

  if (const auto *V = P.get<VarDecl>()) {
    U.Kind = V->isInitCapture() ? UseKind::InitCapture : UseKind::Initializes;
    U.Variable = V;
    return U;
  }
  if (P.get<ReturnStmt>() || P.get<CoreturnStmt>() || P.get<CoyieldExpr>()) {
    U.Kind = UseKind::Returned;
    return U;
  }
  if (const auto *ME = P.get<MemberExpr>()) {
    U.Kind = UseKind::MemberAccess;
    if (ME->getBase() != Top)
      return U;
    if (const auto *Call = Parents.parentOf(DynTypedNode::create(*ME))
                               .get<CXXMemberCallExpr>()) {
      U.Kind = UseKind::MemberCall;
      U.User = Call;
      U.Method = Call->getMethodDecl();
    }
    return U;
  }
  const auto *PE = P.get<Expr>();
  if (!PE) {
    U.Kind = UseKind::Other;
    return U;
  }

  // Invoked.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(PE)) {
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1 &&
        Op->getArg(0) == Top) {
      U.Kind = UseKind::Invoked;
      return U;
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(PE)) {
    if (CE->getCallee() == Top) {
      U.Kind = UseKind::Invoked;
      return U;
    }
  }

  // Assigned.
  const Expr *LHS = nullptr;
  bool Assignment = false;
  if (const auto *BO = dyn_cast<BinaryOperator>(PE)) {
    Assignment = BO->isAssignmentOp();
    LHS = BO->getLHS();
    if (Assignment && BO->getRHS() != Top)
      LHS = nullptr;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(PE)) {
    Assignment = Op->getOperator() == OO_Equal && Op->getNumArgs() == 2;
    LHS = Assignment && Op->getArg(1) == Top ? Op->getArg(0) : nullptr;
  }
  if (Assignment) {
    if (!LHS) {
      U.Kind = UseKind::AssignedTo;
      return U;
    }
    U.Kind = UseKind::AssignedFrom;
    U.Target = LHS;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
      U.Variable = dyn_cast<VarDecl>(DRE->getDecl());
    return U;
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(PE)) {
    U.Kind =
        UO->getOpcode() == UO_AddrOf ? UseKind::AddressTaken : UseKind::Other;
    return U;
  }

  // A lambda's capture: an init-capture's variable is initialized with the
  // value; a plain capture copies it into the closure.
  if (const auto *L = dyn_cast<LambdaExpr>(PE)) {
    U.Kind = UseKind::Captured;
    for (const LambdaCapture &Cap : L->captures())
      if (Cap.capturesVariable() && L->isInitCapture(&Cap))
        if (const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar()))
          if (V->getInit() &&
              V->getInit()->IgnoreImplicit() == Top->IgnoreImplicit()) {
            U.Kind = UseKind::InitCapture;
            U.Variable = V;
          }
    return U;
  }

  if (isComparison(PE)) {
    U.Kind = UseKind::Compared;
    if (isa<CallExpr>(PE))
      fillArgument(U, PE, Top);
    return U;
  }
  if (isa<CallExpr, CXXConstructExpr>(PE)) {
    U.Kind = fillArgument(U, PE, Top) ? UseKind::Argument : UseKind::MemberCall;
    return U;
  }
  if (isa<CXXUnresolvedConstructExpr, ParenListExpr, InitListExpr,
          CXXParenListInitExpr, CXXNewExpr>(PE)) {
    U.Kind = UseKind::Stored;
    return U;
  }
  U.Kind = UseKind::Other;
  return U;
}

const LambdaExpr *enclosingLambda(const Stmt *S, const Stmt *Boundary,
                                  const ParentIndex &Parents) {
  DynTypedNode Cur = DynTypedNode::create(*S);
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const Stmt *CS = Cur.get<Stmt>();
    if (CS == Boundary)
      return nullptr;
    DynTypedNode P = Parents.parentOf(Cur);
    if (P.getNodeKind().isNone())
      return nullptr;
    // The body of a lambda hangs below its call operator, which hangs
    // below the closure class; only the capture initializers are direct
    // children evaluated where the lambda is created.
    // The variable of an init-capture (`[tok = src.get_token()]`) is
    // also initialized where the lambda is created.
    const auto *CV = Cur.get<VarDecl>();
    if (const auto *L = P.get<LambdaExpr>())
      if (!(CV && CV->isInitCapture()) &&
          (!CS || CS == L->getBody() ||
           !llvm::is_contained(L->capture_inits(), CS)))
        return L;
    Cur = P;
  }
  return nullptr;
}

const Stmt *blockStatementOf(const Stmt *S, const ParentIndex &Parents) {
  DynTypedNode Cur = DynTypedNode::create(*S);
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    DynTypedNode P = Parents.parentOf(Cur);
    if (P.get<CompoundStmt>())
      return Cur.get<Stmt>();
    if (P.get<VarDecl>()) {
      const auto *DS = Parents.parentOf(P).get<DeclStmt>();
      if (DS && Parents.parentOf(DynTypedNode::create(*DS)).get<CompoundStmt>())
        return DS;
      return nullptr;
    }
    if (!P.get<Expr>() || P.get<LambdaExpr>())
      return nullptr;
    Cur = P;
  }
  return nullptr;
}

const CompoundStmt *enclosingBlock(const Stmt *S, const ParentIndex &Parents) {
  const Stmt *Cur = S;
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    const auto *P = Parents.parentOf(DynTypedNode::create(*Cur)).get<Stmt>();
    if (!P)
      return nullptr;
    if (const auto *Block = dyn_cast<CompoundStmt>(P))
      return Block;
    Cur = P;
  }
  return nullptr;
}

const CXXMemberCallExpr *memberCallOn(const Expr *E,
                                      const ParentIndex &Parents) {
  Climbed Up = climb(E, Parents);
  const auto *ME = Up.Parent.get<MemberExpr>();
  if (!ME || ME->getBase() != Up.Top || Up.Moved || Up.Copied || Up.Conditional)
    return nullptr;
  return Parents.parentOf(DynTypedNode::create(*ME)).get<CXXMemberCallExpr>();
}

llvm::StringRef methodName(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
  return M && M->getIdentifier() ? M->getName() : llvm::StringRef();
}

bool refersTo(const Expr *E, const ValueDecl *V) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return DRE && DRE->getDecl() == V;
}

bool designatesSameObject(const Expr *A, const Expr *B) {
  for (unsigned Depth = 0; A && B && Depth < MaxClimb; ++Depth) {
    A = A->IgnoreParenImpCasts();
    B = B->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B))
      return true;
    if (const auto *RA = dyn_cast<DeclRefExpr>(A)) {
      const auto *RB = dyn_cast<DeclRefExpr>(B);
      return RB && RA->getDecl() && RB->getDecl() &&
             RA->getDecl()->getCanonicalDecl() ==
                 RB->getDecl()->getCanonicalDecl();
    }
    const auto *MA = dyn_cast<MemberExpr>(A);
    const auto *MB = dyn_cast<MemberExpr>(B);
    if (!MA || !MB || MA->isArrow() != MB->isArrow() ||
        MA->getMemberDecl()->getCanonicalDecl() !=
            MB->getMemberDecl()->getCanonicalDecl())
      return false;
    A = MA->getBase();
    B = MB->getBase();
  }
  return false;
}

bool inSynchronousCall(const Stmt *Call, const FunctionNameSet &Synchronous,
                       const ParentIndex &Parents) {
  const ASTContext &Ctx = Parents.context();
  DynTypedNode Cur = DynTypedNode::create(*Call);
  // A full-expression is shallow; calls nested deeper than this are not
  // looked for.
  constexpr unsigned MaxNesting = 64;
  for (unsigned Step = 0; Step < MaxNesting; ++Step) {
    const auto *E = Cur.get<Expr>();
    if (!E)
      return false;
    if (isa<LambdaExpr>(E) && E != Call)
      return false;
    if (Synchronous.containsCallee(E, Ctx))
      return true;
    // An immediately invoked lambda finishes before the caller goes on.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1 &&
          isa<LambdaExpr>(Op->getArg(0)->IgnoreImplicit()))
        return true;
    Cur = Parents.parentOf(Cur);
  }
  return false;
}

//===----------------------------------------------------------------------===//
// ValueUses
//===----------------------------------------------------------------------===//

/// Every DeclRefExpr of the body, by the declaration it names, the local
/// variables it declares, and its calls.
class ValueUses::Indexer : public RecursiveASTVisitor<Indexer> {
public:
  explicit Indexer(ValueUses &U) : U(U) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitRecoveryExpr(RecoveryExpr *) {
    U.HasErrors = true;
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->isInvalidDecl())
      U.HasErrors = true;
    if (isa<ParmVarDecl>(V))
      return true;
    U.Locals.insert(V);
    if (LambdaDepth == 0)
      U.TopLevelVars.push_back(V);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const ValueDecl *D = E->getDecl())
      U.Refs[D].push_back(E);
    if (LambdaDepth > 0)
      U.InLambda.insert(E);
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (LambdaDepth == 0)
      U.Calls.push_back(CE);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    ++LambdaDepth;
    bool R = RecursiveASTVisitor::TraverseLambdaExpr(L);
    --LambdaDepth;
    return R;
  }

private:
  ValueUses &U;
  unsigned LambdaDepth = 0;
};

ValueUses::ValueUses(const ParentIndex &Parents, const Stmt *Body)
    : Parents(Parents), Body(Body) {
  if (Body)
    Indexer(*this).TraverseStmt(const_cast<Stmt *>(Body));
}

ValueUses::~ValueUses() = default;

llvm::ArrayRef<const DeclRefExpr *>
ValueUses::refsTo(const ValueDecl *D) const {
  auto It = Refs.find(D);
  if (It == Refs.end())
    return {};
  return It->second;
}

std::optional<llvm::ArrayRef<const DeclRefExpr *>>
ValueUses::refsOutsideLambdas(const ValueDecl *D) const {
  llvm::ArrayRef<const DeclRefExpr *> R = refsTo(D);
  if (llvm::any_of(R, [&](const DeclRefExpr *E) { return inNestedLambda(E); }))
    return std::nullopt;
  return R;
}

bool ValueUses::inNestedLambda(const DeclRefExpr *R) const {
  return InLambda.contains(R);
}

bool ValueUses::isLocalVar(const Decl *D) const {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->hasLocalStorage() && Locals.contains(V);
}

} // namespace clang::tidy::ctx
