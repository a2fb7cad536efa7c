//===--- LoopDerivationCheck.cpp - ctx-tidy -------------------------------===//

#include "checks/LoopDerivationCheck.h"
#include "lib/ExprShapes.h"
#include "lib/LoopShapes.h"
#include "lib/ReceivedTokens.h"
#include "lib/ScopeGuardFix.h"
#include "lib/ValueOrigin.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// How far the upward walks of this check go (see MaxClimb).
constexpr unsigned MaxSteps = MaxClimb;

/// The two sides of a plain assignment, built-in or overloaded.
bool splitAssignment(const Stmt *S, const Expr *&Lhs, const Expr *&Rhs) {
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign) {
    Lhs = BO->getLHS();
    Rhs = BO->getRHS();
    return true;
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Lhs = Op->getArg(0);
    Rhs = Op->getArg(1);
    return true;
  }
  return false;
}

/// The direct child of \p Block that holds \p S; null if \p S is not in it.
const Stmt *statementOfBlock(const Stmt *S, const CompoundStmt *Block,
                             const ParentIndex &Parents) {
  DynTypedNode N = DynTypedNode::create(*S);
  for (unsigned Step = 0; Step < MaxSteps; ++Step) {
    DynTypedNode P = Parents.parentOf(N);
    if (P.getNodeKind().isNone())
      return nullptr;
    if (P.get<Stmt>() == Block)
      return N.get<Stmt>();
    N = P;
  }
  return nullptr;
}

/// True if the use \p U may give the variable another value: an assignment,
/// its address, a non-const member call, passing it by non-const or rvalue
/// reference or moving it, binding a non-const reference to it.
bool mayChange(const Use &U) {
  switch (U.Kind) {
  case UseKind::AssignedTo:
  case UseKind::AddressTaken:
    return true;
  case UseKind::MemberCall:
    return !U.Method || !U.Method->isConst();
  case UseKind::Argument:
    return U.Up.Moved || (U.passing() != Passing::ByValue &&
                          U.passing() != Passing::ByConstReference);
  case UseKind::Initializes:
  case UseKind::InitCapture:
    return U.Up.Moved ||
           (U.Variable && U.Variable->getType()->isReferenceType() &&
            !U.Variable->getType().getNonReferenceType().isConstQualified());
  default:
    return U.Up.Moved;
  }
}

/// The names the references below \p S use, so that a new declaration in
/// the loop hides none of them.
void referencedNames(const Stmt *S, llvm::StringSet<> &Out,
                     unsigned Depth = 0) {
  if (!S || Depth > MaxSteps)
    return;
  if (const auto *R = dyn_cast<DeclRefExpr>(S))
    if (R->getDecl()->getIdentifier())
      Out.insert(R->getDecl()->getName());
  for (const Stmt *Child : S->children())
    referencedNames(Child, Out, Depth + 1);
}

/// True if the range \p R can be rewritten: written in one file, outside
/// macros.
bool rewritable(SourceRange R, const SourceManager &SM) {
  return R.isValid() && !R.getBegin().isMacroID() && !R.getEnd().isMacroID() &&
         SM.isWrittenInSameFile(R.getBegin(), R.getEnd());
}

} // namespace

void LoopDerivationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(binaryOperator(hasOperatorName("=")).bind("assign"), this);
  Finder->addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("=")).bind("assign"), this);
}

void LoopDerivationCheck::onStartOfTranslationUnit() {
  ContextCheckBase::onStartOfTranslationUnit();
  Uses.clear();
  Reported.clear();
}

const ValueUses &LoopDerivationCheck::usesOf(const Stmt *Body,
                                             ASTContext &Ctx) {
  std::unique_ptr<ValueUses> &Slot = Uses[Body];
  if (!Slot)
    Slot = std::make_unique<ValueUses>(parents(Ctx), Body);
  return *Slot;
}

void LoopDerivationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Assign = Result.Nodes.getNodeAs<Expr>("assign");
  const Expr *Lhs = nullptr;
  const Expr *Rhs = nullptr;
  if (!Assign || !splitAssignment(Assign, Lhs, Rhs))
    return;
  checkAssignment(Assign, Lhs, Rhs, *Result.Context);
}

void LoopDerivationCheck::checkAssignment(const Expr *Assign, const Expr *Lhs,
                                          const Expr *Rhs, ASTContext &Ctx) {
  if (Assign->containsErrors() || Assign->isTypeDependent() ||
      Assign->isValueDependent())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Assign->getBeginLoc())))
    return;
  const auto *LhsRef = dyn_cast<DeclRefExpr>(Lhs->IgnoreParenImpCasts());
  const auto *V = LhsRef ? dyn_cast<VarDecl>(LhsRef->getDecl()) : nullptr;
  // Locals and parameters: nothing but this body can reset them while the
  // loop runs.
  if (!V || !V->hasLocalStorage())
    return;
  const Expr *Derivation = derivingCallFrom(Rhs, V, model(), Ctx);
  if (!Derivation)
    return;
  const ParentIndex &Parents = parents(Ctx);
  const Stmt *Body = Parents.enclosingBody(*Assign).second;
  if (!Body)
    return;
  llvm::SmallVector<const Stmt *, 2> Loops =
      enclosingLoops(Assign, Body, Parents);
  if (Loops.empty())
    return;
  const Stmt *Loop = Loops.front();
  // A variable declared in the loop starts again each iteration; a
  // derivation followed by a jump out of the loop happens once.
  if (isIterationLocal(V, Loop, Parents) ||
      leavesLoopAfter(Assign, Loop, Parents))
    return;
  if (Reported.contains({V, Loop}))
    return;
  const ValueUses &U = usesOf(Body, Ctx);
  if (U.hasErrors())
    return;

  // The assignments in the loop that re-derive V (this one among them) are
  // the links of one chain; any other change of V in the loop (or in a
  // lambda, which may run in it) may reset it to a parent each iteration.
  llvm::SmallVector<const Expr *, 2> LinkSides;
  auto InLoop = [&](const DeclRefExpr *R) {
    return llvm::is_contained(enclosingLoops(R, Body, Parents), Loop);
  };
  for (const DeclRefExpr *R : U.refsTo(V)) {
    bool Lambda = U.inNestedLambda(R);
    if (!Lambda && !InLoop(R))
      continue;
    Use Of = U.classify(R);
    if (Of.Kind != UseKind::AssignedTo)
      continue;
    const Expr *L2 = nullptr;
    const Expr *R2 = nullptr;
    if (!Lambda && splitAssignment(Of.User, L2, R2) &&
        derivingCallFrom(R2, V, model(), Ctx)) {
      LinkSides.push_back(R2);
      continue;
    }
    return;
  }
  auto InLink = [&](const DeclRefExpr *R) {
    return llvm::any_of(LinkSides, [&](const Expr *Side) {
      return isWithin(R, Side, Parents);
    });
  };
  for (const DeclRefExpr *R : U.refsTo(V)) {
    bool Lambda = U.inNestedLambda(R);
    if ((!Lambda && !InLoop(R)) || InLink(R))
      continue;
    Use Of = U.classify(R);
    if (Of.Kind == UseKind::AssignedTo)
      continue; // A link, seen above.
    if (mayChange(Of))
      return;
  }
  Reported.insert({V, Loop});

  // The fix: derive from V, which no longer changes, into a variable
  // declared in the loop body, and read that one for the rest of the
  // iteration. The same program but for the chain, when V keeps its value
  // before the loop, is read nowhere after the loop nor earlier in the
  // iteration, and the assignment is a statement of the loop's block.
  llvm::SmallVector<FixItHint, 4> Fix;
  [&] {
    const auto *Block = dyn_cast_or_null<CompoundStmt>(loopBody(Loop));
    const Stmt *Statement =
        Block ? statementOfBlock(Assign, Block, Parents) : nullptr;
    if (!Statement || LinkSides.size() != 1 || Loops.size() != 1 ||
        V->getType()->isReferenceType() ||
        ignoreTemporaries(Rhs) != Derivation ||
        !Ctx.hasSameUnqualifiedType(Derivation->getType(), V->getType()) ||
        !rewritable(Lhs->getSourceRange(), SM))
      return;
    const Expr *Whole =
        Statement == Assign ? Assign : dyn_cast<Expr>(Statement);
    if (!Whole || ignoreTemporaries(Whole) != Assign)
      return;
    auto Index = [&](const Stmt *S) {
      return llvm::find(Block->body(), S) - Block->body_begin();
    };
    llvm::SmallVector<const DeclRefExpr *, 4> Renamed;
    for (const DeclRefExpr *R : U.refsTo(V)) {
      if (R == LhsRef || isWithin(R, Rhs, Parents))
        continue;
      if (U.inNestedLambda(R))
        return;
      if (InLoop(R)) {
        const Stmt *Holder = statementOfBlock(R, Block, Parents);
        if (!Holder || Index(Holder) <= Index(Statement) ||
            !rewritable(R->getSourceRange(), SM))
          return;
        Renamed.push_back(R);
        continue;
      }
      if (!SM.isBeforeInTranslationUnit(R->getBeginLoc(), Loop->getBeginLoc()))
        return; // Read after the loop: it would see V's first value.
    }
    llvm::StringSet<> Taken;
    for (const auto &N : chosenNames(Body))
      Taken.insert(N.getKey());
    Taken.insert(V->getName());
    referencedNames(Block, Taken);
    std::string Name = freshName(V->getName(), Body, &Taken);
    chosenNames(Body).insert(Name);
    Fix.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Lhs->getSourceRange()), "auto " + Name));
    for (const DeclRefExpr *R : Renamed)
      Fix.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(R->getSourceRange()), Name));
  }();

  const ContextTypeInfo *Info = model().classify(V->getType(), Ctx);
  llvm::StringRef Noun = Info ? roleName(Info->Role) : "context";
  {
    auto D = diag(LhsRef->getBeginLoc(),
                  "%0 '%1' is derived again from its own value on every "
                  "iteration; its chain grows by one link per iteration and "
                  "no link is released while the loop runs")
             << Noun << V->getName() << Assign->getSourceRange();
    for (const FixItHint &H : Fix)
      D << H;
  }
  if (ignoreTemporaries(Rhs) != Derivation)
    diag(Derivation->getBeginLoc(), "the new link is derived from '%0' here",
         DiagnosticIDs::Note)
        << V->getName();
  if (Fix.empty())
    diag(V->getLocation(),
         "'%0' is declared outside the loop; derive each iteration's %1 into "
         "a variable declared inside the loop, from a parent that does not "
         "change",
         DiagnosticIDs::Note)
        << V->getName() << Noun;
  else
    diag(V->getLocation(), "'%0' is declared outside the loop",
         DiagnosticIDs::Note)
        << V->getName();
}

} // namespace clang::tidy::ctx
