//===--- LoopShapes.cpp - ctx-tidy ----------------------------------------===//

#include "lib/LoopShapes.h"
#include "lib/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::ctx {

namespace {

/// How deep a loop body is searched for jumps and steps. Statements nested
/// deeper count as a jump out (mayLeaveEarly says yes) and as no step
/// (a loop is not taken for counted): both the safe answer.
constexpr unsigned MaxNesting = 64;

const VarDecl *variableOf(const Expr *E) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

bool leaves(const Stmt *S, bool InLoop, bool InSwitch, bool ContinueLeaves,
            unsigned Depth) {
  if (!S)
    return false;
  if (Depth > MaxNesting)
    return true;
  if (isa<BreakStmt>(S))
    return !InLoop && !InSwitch;
  if (isa<ContinueStmt>(S))
    return ContinueLeaves && !InLoop;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr, CoreturnStmt>(
          S))
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  bool Loop = InLoop || isLoop(S);
  bool Switch = InSwitch || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leaves(Child, Loop, Switch, ContinueLeaves, Depth + 1))
      return true;
  return false;
}

/// The comparisons a loop condition bounds the loop with: the condition
/// itself, or the operands of a conjunction.
void boundingComparisons(const Expr *E,
                         llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!E)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *W = dyn_cast<ExprWithCleanups>(E))
    E = W->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_LAnd) {
      boundingComparisons(BO->getLHS(), Out);
      boundingComparisons(BO->getRHS(), Out);
      return;
    }
    if (BO->isComparisonOp())
      Out.push_back(BO);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->isComparisonOp())
      Out.push_back(Op);
    return;
  }
  // C++20 rewrites `it != end` as `!(it == end)` for iterators that declare
  // only operator== (libstdc++'s list and map iterators do).
  if (isa<CXXRewrittenBinaryOperator>(E)) {
    Out.push_back(E);
    return;
  }
  // A pointer tested for null, as in a walk along a list: `while (node)`;
  // an integer tested against zero, `while (n)`, also when the condition
  // steps it itself: `while (n--)`.
  const Expr *Tested = E;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->isIncrementDecrementOp())
    Tested = UO->getSubExpr();
  QualType T = Tested->getType();
  if ((T->isPointerType() ||
       (T->isIntegerType() && !T->isBooleanType() && !T->isEnumeralType())) &&
      variableOf(Tested))
    Out.push_back(E);
}

/// The variables a comparison compares, on either side.
void comparedVariables(const Expr *Comparison,
                       llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  const Expr *Sides[2] = {nullptr, nullptr};
  if (const VarDecl *V = variableOf(Comparison)) {
    Out.insert(V);
    return;
  }
  // `while (n--)`: n against zero.
  if (const auto *UO = dyn_cast<UnaryOperator>(Comparison);
      UO && UO->isIncrementDecrementOp()) {
    if (const VarDecl *V = variableOf(UO->getSubExpr()))
      Out.insert(V);
    return;
  }
  if (const auto *R = dyn_cast<CXXRewrittenBinaryOperator>(Comparison)) {
    Sides[0] = R->getLHS();
    Sides[1] = R->getRHS();
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Comparison)) {
    Sides[0] = BO->getLHS();
    Sides[1] = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Comparison)) {
    if (Op->getNumArgs() == 2) {
      Sides[0] = Op->getArg(0);
      Sides[1] = Op->getArg(1);
    }
  }
  for (const Expr *Side : Sides) {
    // `++i < n` compares i too.
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(
            Side ? Side->IgnoreParenImpCasts() : nullptr))
      if (UO->isIncrementDecrementOp())
        Side = UO->getSubExpr();
    if (const VarDecl *V = variableOf(Side))
      Out.insert(V);
  }
}

bool mentions(const Stmt *S, const VarDecl *V, unsigned Depth = 0) {
  if (!S || Depth > MaxNesting)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == V;
  for (const Stmt *Child : S->children())
    if (mentions(Child, V, Depth + 1))
      return true;
  return false;
}

/// The variable \p S steps, if it is a step: `++i`, `i--`, `i += n`,
/// `it = std::next(it)`, `std::advance(it, n)`, or the same through
/// overloaded operators of an iterator.
const VarDecl *steppedBy(const Stmt *S) {
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() ? variableOf(UO->getSubExpr())
                                        : nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign)
      return variableOf(BO->getLHS());
    if (BO->getOpcode() == BO_Assign)
      if (const VarDecl *V = variableOf(BO->getLHS()))
        return mentions(BO->getRHS(), V) ? V : nullptr;
    return nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    switch (Op->getOperator()) {
    case OO_PlusPlus:
    case OO_MinusMinus:
    case OO_PlusEqual:
    case OO_MinusEqual:
      return Op->getNumArgs() >= 1 ? variableOf(Op->getArg(0)) : nullptr;
    case OO_Equal:
      if (Op->getNumArgs() == 2)
        if (const VarDecl *V = variableOf(Op->getArg(0)))
          return mentions(Op->getArg(1), V) ? V : nullptr;
      return nullptr;
    default:
      return nullptr;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (F->getIdentifier() && F->getName() == "advance" &&
          F->isInStdNamespace() && Call->getNumArgs() >= 1)
        return variableOf(Call->getArg(0));
  return nullptr;
}

void collectSteps(const Stmt *S, llvm::SmallPtrSetImpl<const VarDecl *> &Out,
                  unsigned Depth = 0) {
  if (!S || Depth > MaxNesting || isa<LambdaExpr>(S))
    return;
  if (const VarDecl *V = steppedBy(S))
    Out.insert(V);
  for (const Stmt *Child : S->children())
    collectSteps(Child, Out, Depth + 1);
}

bool isCounted(const Stmt *Loop, const Expr *Cond) {
  llvm::SmallVector<const Expr *, 2> Comparisons;
  boundingComparisons(Cond, Comparisons);
  if (Comparisons.empty())
    return false;
  llvm::SmallPtrSet<const VarDecl *, 4> Compared;
  for (const Expr *C : Comparisons)
    comparedVariables(C, Compared);
  if (Compared.empty())
    return false;
  llvm::SmallPtrSet<const VarDecl *, 4> Stepped;
  collectSteps(Cond, Stepped);
  collectSteps(loopBody(Loop), Stepped);
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    collectSteps(For->getInc(), Stepped);
  return llvm::any_of(Compared,
                      [&](const VarDecl *V) { return Stepped.contains(V); });
}

} // namespace

bool isLoop(const Stmt *S) {
  return isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

llvm::SmallVector<const Stmt *, 2> enclosingLoops(const Stmt *S,
                                                  const Stmt *Boundary,
                                                  const ParentIndex &Parents) {
  llvm::SmallVector<const Stmt *, 2> Loops;
  if (!S)
    return Loops;
  // Bounded like an upward walk of ValueUses: real nesting stays far below.
  constexpr unsigned MaxSteps = 512;
  DynTypedNode Child = DynTypedNode::create(*S);
  for (unsigned Step = 0; Step < MaxSteps; ++Step) {
    const Stmt *Cur = Child.get<Stmt>();
    if (Cur && Cur == Boundary)
      break;
    DynTypedNode Parent = Parents.parentOf(Child);
    if (Parent.getNodeKind().isNone())
      break;
    const auto *P = Parent.get<Stmt>();
    if (isa_and_nonnull<LambdaExpr>(P) || Parent.get<FunctionDecl>())
      break;
    if (isLoop(P) && Cur) {
      bool RunsOnce = false;
      if (const auto *F = dyn_cast<ForStmt>(P))
        RunsOnce = Cur == F->getInit();
      else if (const auto *R = dyn_cast<CXXForRangeStmt>(P))
        RunsOnce = Cur == R->getInit() || Cur == R->getRangeInit() ||
                   Cur == R->getRangeStmt() || Cur == R->getBeginStmt() ||
                   Cur == R->getEndStmt();
      if (!RunsOnce)
        Loops.push_back(P);
    }
    Child = Parent;
  }
  return Loops;
}

bool isIterationLocal(const ValueDecl *V, const Stmt *Loop,
                      const ParentIndex &Parents) {
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  if (const auto *B = dyn_cast_or_null<BindingDecl>(V))
    VD = dyn_cast_or_null<VarDecl>(B->getDecomposedDecl());
  if (!VD || !isLoop(Loop) || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
    return false;
  const auto *DS = Parents.parentOf(DynTypedNode::create(*VD)).get<DeclStmt>();
  if (!DS)
    return false;
  return llvm::is_contained(enclosingLoops(DS, nullptr, Parents), Loop);
}

namespace {

/// True if \p S, in statement position, leaves the loop whose body holds
/// it: a break (unless \p InSwitch: a switch or an inner loop is in
/// between), return, throw, goto or co_return.
bool jumpsOutOfLoop(const Stmt *S, bool InSwitch) {
  while (S) {
    if (const auto *L = dyn_cast<LabelStmt>(S))
      S = L->getSubStmt();
    else if (const auto *A = dyn_cast<AttributedStmt>(S))
      S = A->getSubStmt();
    else
      break;
  }
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    S = E->IgnoreImplicit();
  if (isa_and_nonnull<BreakStmt>(S))
    return !InSwitch;
  return isa_and_nonnull<ReturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr,
                         CoreturnStmt>(S);
}

} // namespace

bool leavesLoopAfter(const Stmt *S, const Stmt *Loop,
                     const ParentIndex &Parents) {
  if (!S || !isLoop(Loop))
    return false;
  // The statements from S up to the loop, S first.
  constexpr unsigned MaxSteps = 512;
  llvm::SmallVector<const Stmt *, 16> Chain;
  DynTypedNode N = DynTypedNode::create(*S);
  for (unsigned Step = 0;; ++Step) {
    const auto *Cur = N.get<Stmt>();
    if (Step >= MaxSteps || !Cur || isa<LambdaExpr>(Cur))
      return false;
    if (Cur == Loop)
      break;
    Chain.push_back(Cur);
    N = Parents.parentOf(N);
  }
  // A break leaves Loop only where no switch or inner loop is in between.
  bool BreakLeaves = true;
  for (unsigned I = Chain.size(); I-- > 1;) {
    const Stmt *P = Chain[I];
    if (isa<SwitchStmt>(P) || isLoop(P))
      BreakLeaves = false;
    const auto *Block = dyn_cast<CompoundStmt>(P);
    if (!Block)
      continue;
    // The statement of this block that holds S, and the ones after it.
    bool After = false;
    for (const Stmt *Sibling : Block->body()) {
      if (After && jumpsOutOfLoop(Sibling, !BreakLeaves))
        return true;
      After = After || Sibling == Chain[I - 1];
    }
  }
  return false;
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getBody();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getBody();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getBody();
  if (const auto *R = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return R->getBody();
  return nullptr;
}

const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getCond();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getCond();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getCond();
  return nullptr;
}

/// True if \p S, run unconditionally in a loop's body, leaves the loop
/// before the condition is tested again: a return, throw, co_return or a
/// break of the loop, itself or among the unconditional statements of a
/// block it is.
static bool leavesUnconditionally(const Stmt *S, unsigned Depth) {
  if (!S || Depth > MaxNesting)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    S = E->IgnoreImplicit();
  if (isa<ReturnStmt, CXXThrowExpr, CoreturnStmt, BreakStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    for (const Stmt *Child : Block->body())
      if (leavesUnconditionally(Child, Depth + 1))
        return true;
  return false;
}

/// True if a continue in \p S goes back to the loop whose body \p S is.
static bool continuesOwnLoop(const Stmt *S, unsigned Depth) {
  if (!S)
    return false;
  if (Depth > MaxNesting)
    return true;
  if (isa<ContinueStmt>(S))
    return true;
  if (isa<LambdaExpr>(S) || isLoop(S))
    return false;
  for (const Stmt *Child : S->children())
    if (continuesOwnLoop(Child, Depth + 1))
      return true;
  return false;
}

LoopShape loopShapeOf(const Stmt *Loop, const ASTContext &Ctx) {
  if (!isLoop(Loop))
    return LoopShape::NotALoop;
  if (isa<CXXForRangeStmt>(Loop))
    return LoopShape::Range;
  const Expr *Cond = loopCondition(Loop);
  if (!Cond)
    return LoopShape::ConstantTrue;
  const auto *W = dyn_cast<WhileStmt>(Loop);
  bool Declares = W && W->getConditionVariable();
  bool Value = false;
  if (!Declares && !Cond->isValueDependent() && !Cond->containsErrors() &&
      Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return Value ? LoopShape::ConstantTrue : LoopShape::ConstantFalse;
  if (isCounted(Loop, Cond))
    return LoopShape::Counted;
  const Stmt *Body = loopBody(Loop);
  if (leavesUnconditionally(Body, 0) && !continuesOwnLoop(Body, 0))
    return LoopShape::Once;
  return LoopShape::Conditional;
}

bool mayLeaveEarly(const Stmt *Body) {
  return leaves(Body, /*InLoop=*/false, /*InSwitch=*/false,
                /*ContinueLeaves=*/true, 0);
}

bool mayEndFromInside(const Stmt *Loop) {
  return leaves(loopBody(Loop), /*InLoop=*/false, /*InSwitch=*/false,
                /*ContinueLeaves=*/false, 0);
}

const VarDecl *zeroBasedIndexOf(const ForStmt *Loop, const ASTContext &Ctx) {
  if (!Loop)
    return nullptr;
  const auto *Init = dyn_cast_or_null<DeclStmt>(Loop->getInit());
  const auto *I = Init && Init->isSingleDecl()
                      ? dyn_cast<VarDecl>(Init->getSingleDecl())
                      : nullptr;
  if (!I || !I->getInit())
    return nullptr;
  Expr::EvalResult Zero;
  if (I->getInit()->isValueDependent() ||
      !I->getInit()->EvaluateAsInt(Zero, Ctx) || !Zero.Val.getInt().isZero())
    return nullptr;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      Loop->getCond() ? Loop->getCond()->IgnoreImplicit() : nullptr);
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE) ||
      variableOf(Cond->getLHS()) != I)
    return nullptr;
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(
      Loop->getInc() ? Loop->getInc()->IgnoreImplicit() : nullptr);
  if (!Inc || !Inc->isIncrementOp() || variableOf(Inc->getSubExpr()) != I)
    return nullptr;
  return I;
}

} // namespace clang::tidy::ctx
