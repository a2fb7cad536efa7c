//===--- TemporaryCallbackCheck.cpp - ctx-tidy ----------------------------===//

#include "checks/TemporaryCallbackCheck.h"
#include "lib/ExprShapes.h"
#include "lib/ScopeGuardFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// A value thrown away at the end of its full-expression, found by walking
/// down from a statement in a discarded-value position.
struct DiscardedValue {
  const Expr *E;
  /// The whole statement is this value (no cast to void, no comma): naming
  /// the object in place is a plain rewrite.
  bool WholeStatement;
};

/// Collects the values that the expression statement \p Full discards:
/// itself, through casts to void, both sides of a comma, and the right side
/// of an assignment to std::ignore.
void collectDiscarded(const Expr *Full, bool WholeStatement,
                      llvm::SmallVectorImpl<DiscardedValue> &Out) {
  const Expr *E = Full;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *W = dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getTypeAsWritten()->isVoidType()) {
      E = Cast->getSubExpr();
      WholeStatement = false;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Comma) {
      collectDiscarded(BO->getLHS(), false, Out);
      E = BO->getRHS();
      WholeStatement = false;
      continue;
    }
    // `std::ignore = value;`: an operator call, or in a template with a
    // dependent value a plain assignment.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        isDiscardingTarget(Op->getArg(0))) {
      E = Op->getArg(1);
      WholeStatement = false;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Assign &&
        isDiscardingTarget(BO->getLHS())) {
      E = BO->getRHS();
      WholeStatement = false;
      continue;
    }
    break;
  }
  if (E)
    Out.push_back({E, WholeStatement});
}

/// Looks through the nodes between a discarded value and the object it
/// creates: temporaries, parentheses and implicit casts. A functional cast
/// is kept, as it carries the type as written.
const Expr *createdObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else
      return E;
  }
  return E;
}

/// The source text of the type as written in a temporary object expression
/// "T(args)" or "T{args}": from the start of the expression to the opening
/// parenthesis or brace.
std::optional<CharSourceRange> writtenTypeRange(const Expr *E,
                                                const SourceManager &SM) {
  SourceLocation Open;
  if (const auto *T = dyn_cast<CXXTemporaryObjectExpr>(E)) {
    Open = T->getParenOrBraceRange().getBegin();
  } else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
    Open = F->getLParenLoc();
  } else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
    Open = U->getLParenLoc();
  }
  if (Open.isInvalid() || Open.isMacroID() || E->getBeginLoc().isMacroID())
    return std::nullopt;
  if (!SM.isWrittenInSameFile(E->getBeginLoc(), Open))
    return std::nullopt;
  return CharSourceRange::getCharRange(E->getBeginLoc(), Open);
}

} // namespace

void TemporaryCallbackCheck::registerMatchers(MatchFinder *Finder) {
  // Walks down from the statements that hold others in statement position,
  // so that no parent map of the whole translation unit is needed. Every
  // such statement is visited (both branches of an if, the statement after
  // each case label), not only the first that matches. One matcher per
  // statement kind: the match finder runs a matcher only on nodes of its own
  // kind, where a single stmt(anyOf(...)) would be tried on every statement
  // and expression of the unit.
  Finder->addMatcher(compoundStmt().bind("holder"), this);
  Finder->addMatcher(ifStmt().bind("holder"), this);
  Finder->addMatcher(forStmt().bind("holder"), this);
  Finder->addMatcher(whileStmt().bind("holder"), this);
  Finder->addMatcher(doStmt().bind("holder"), this);
  Finder->addMatcher(cxxForRangeStmt().bind("holder"), this);
  Finder->addMatcher(switchCase().bind("holder"), this);
  Finder->addMatcher(labelStmt().bind("holder"), this);
}

void TemporaryCallbackCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Holder = Result.Nodes.getNodeAs<Stmt>("holder");
  if (!Holder)
    return;
  // Only a statement directly inside a block can be turned into a named
  // object that lives longer: elsewhere (the unbraced body of an if or a
  // loop, the statement after a case label) the statement is its own scope
  // or a declaration there would be jumped over.
  const auto *Block = dyn_cast<CompoundStmt>(Holder);
  for (const Stmt *S : statementsInStatementPosition(Holder)) {
    const auto *Full = dyn_cast<Expr>(S);
    if (!Full)
      continue;
    llvm::SmallVector<DiscardedValue, 2> Values;
    collectDiscarded(Full, /*WholeStatement=*/Block != nullptr, Values);
    for (const DiscardedValue &V : Values)
      checkDiscarded(V.E, V.WholeStatement ? Block : nullptr, *Result.Context);
  }
}

void TemporaryCallbackCheck::checkDiscarded(const Expr *Value,
                                            const CompoundStmt *Block,
                                            ASTContext &Ctx) {
  const Expr *Obj = createdObject(Value);
  if (!Obj || Obj->containsErrors())
    return;
  const ContextTypeInfo *Info = nullptr;
  const CallExpr *Factory = nullptr;
  const CallExpr *Returned = nullptr;
  if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(Obj)) {
    Info = model().classify(U->getTypeAsWritten(), Ctx);
  } else if (isa<CXXFunctionalCastExpr, CXXTemporaryObjectExpr>(Obj)) {
    Info = model().classify(lookThroughOwningOptional(Obj->getType()), Ctx);
  } else if (const auto *Call = dyn_cast<CallExpr>(Obj)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return;
    const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
    if (isCallTo(Call, "std::make_unique") ||
        isCallTo(Call, "std::make_shared")) {
      // std::make_unique<std::stop_callback<F>>(...) whose result is dropped.
      if (!Args || Args->size() == 0 ||
          Args->get(0).getKind() != TemplateArgument::Type)
        return;
      Info = model().classify(Args->get(0).getAsType(), Ctx);
      Factory = Call;
    } else if (Call->isPRValue()) {
      // A function that returns the registration by value, also inside an
      // owning optional (seastar's abort_source::subscribe): the returned
      // object dies with the statement like a temporary. (A reference
      // returned refers to a registration someone else keeps.)
      Info = model().classify(lookThroughOwningOptional(Call->getType()), Ctx);
      Returned = Call;
    }
  }
  if (!Info || Info->Role != ContextRole::StopCallback)
    return;

  SourceLocation Loc = Obj->getBeginLoc();
  const CallExpr *Call = Factory ? Factory : Returned;
  auto Diag =
      Call ? diag(Loc, "'%0' %select{created|returned}1 by '%2' is destroyed "
                       "at the end of the statement; its callback will never "
                       "run")
                 << Info->Name << (Returned != nullptr)
                 << Call->getDirectCallee()->getName() << Obj->getSourceRange()
           : diag(Loc, "temporary '%0' is destroyed at the end of the "
                       "statement; its callback will never run")
                 << Info->Name << Obj->getSourceRange();

  // The rewrite: name the object so that it lives to the end of the block.
  if (!Block)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  // A call's result is named by binding it to a variable: guaranteed copy
  // elision makes it the same object, also for types that cannot be moved.
  if (Call) {
    if (Loc.isMacroID() || Call->getEndLoc().isMacroID())
      return;
    Diag << FixItHint::CreateInsertion(
        Loc, "auto " + freshName("stopCallback", Block, &chosenNames(Block)) +
                 " = ");
    return;
  }
  std::optional<CharSourceRange> TypeRange = writtenTypeRange(Obj, SM);
  if (!TypeRange || Obj->getEndLoc().isMacroID())
    return;
  llvm::StringRef TypeText =
      Lexer::getSourceText(*TypeRange, SM, Ctx.getLangOpts()).rtrim();
  if (TypeText.empty())
    return;
  std::string Name = freshName("stopCallback", Block, &chosenNames(Block));
  Diag << FixItHint::CreateReplacement(*TypeRange,
                                       (TypeText + " " + Name).str());
}

} // namespace clang::tidy::ctx
