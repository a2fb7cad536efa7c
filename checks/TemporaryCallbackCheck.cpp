//===--- TemporaryCallbackCheck.cpp - ctx-tidy ----------------------------===//

#include "checks/TemporaryCallbackCheck.h"
#include "lib/ContextMatchers.h"
#include "lib/ScopeGuardFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// Expression nodes that neither use nor keep the value they wrap.
bool isTransparent(const Stmt *S) {
  return isa<ExprWithCleanups, CXXBindTemporaryExpr, ParenExpr,
             ImplicitCastExpr, CXXFunctionalCastExpr, ConstantExpr>(S);
}

bool isVoidCast(const Stmt *S) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(S);
  return Cast && Cast->getTypeAsWritten()->isVoidType();
}

/// Where the value of a temporary ends up.
enum class Fate { Discarded, DiscardedInStatement, Kept };

/// Walks up from \p E through wrappers and decides whether its value is
/// thrown away at the end of the full-expression. DiscardedInStatement means
/// the expression is a whole statement directly inside a compound statement,
/// where naming it is a safe rewrite.
Fate fateOf(const Expr *E, ASTContext &Ctx, const Stmt *&Outermost) {
  const Stmt *Cur = E;
  bool ThroughVoidCast = false;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
    if (Parents.size() != 1)
      return Fate::Kept;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return Fate::Kept; // A declaration, a member initializer, ...
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(P)) {
      if (MTE->getExtendingDecl())
        return Fate::Kept; // Lifetime extended by a reference.
      Cur = P;
      continue;
    }
    if (isTransparent(P)) {
      Cur = P;
      continue;
    }
    if (isVoidCast(P)) {
      ThroughVoidCast = true;
      Cur = P;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Comma && BO->getLHS() == Cur)
        return Fate::Discarded;
      if (BO->getOpcode() == BO_Comma && BO->getRHS() == Cur) {
        Cur = P;
        continue;
      }
      return Fate::Kept;
    }
    Outermost = Cur;
    if (isa<CompoundStmt>(P))
      return ThroughVoidCast ? Fate::Discarded : Fate::DiscardedInStatement;
    if (const auto *For = dyn_cast<ForStmt>(P))
      return For->getInc() == Cur || For->getBody() == Cur ? Fate::Discarded
                                                           : Fate::Kept;
    if (const auto *If = dyn_cast<IfStmt>(P))
      return If->getThen() == Cur || If->getElse() == Cur ? Fate::Discarded
                                                          : Fate::Kept;
    if (const auto *W = dyn_cast<WhileStmt>(P))
      return W->getBody() == Cur ? Fate::Discarded : Fate::Kept;
    if (const auto *D = dyn_cast<DoStmt>(P))
      return D->getBody() == Cur ? Fate::Discarded : Fate::Kept;
    if (const auto *R = dyn_cast<CXXForRangeStmt>(P))
      return R->getBody() == Cur ? Fate::Discarded : Fate::Kept;
    if (isa<SwitchCase, LabelStmt>(P))
      return Fate::Discarded;
    return Fate::Kept;
  }
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
  auto CallbackType = qualType(hasContextRole(&model(), ContextRole::StopCallback));
  Finder->addMatcher(
      cxxConstructExpr(hasType(CallbackType), unless(isInTemplateInstantiation()))
          .bind("construct"),
      this);
  Finder->addMatcher(
      cxxUnresolvedConstructExpr(hasTypeLoc(loc(CallbackType)),
                                 unless(isInTemplateInstantiation()))
          .bind("construct"),
      this);
  // std::make_unique<std::stop_callback<F>>(...) whose result is dropped.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::std::make_unique",
                                              "::std::make_shared"),
                                   hasTemplateArgument(
                                       0, refersToType(CallbackType)))),
               unless(isInTemplateInstantiation()))
          .bind("factory"),
      this);
}

void TemporaryCallbackCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const auto *Construct = Result.Nodes.getNodeAs<Expr>("construct");
  const auto *Factory = Result.Nodes.getNodeAs<CallExpr>("factory");
  const Expr *E = Construct ? Construct : Factory;
  if (!E || E->containsErrors())
    return;
  // A constructor call that is the operand of a functional cast is reported
  // through the cast, which carries the written type.
  const Expr *Reported = E;
  if (Construct && !isa<CXXUnresolvedConstructExpr>(Construct)) {
    DynTypedNodeList Parents = Ctx.getParents(*Construct);
    if (Parents.size() == 1)
      if (const auto *Cast = Parents[0].get<CXXFunctionalCastExpr>())
        Reported = Cast;
    if (isa<CXXConstructExpr>(Reported) &&
        !isa<CXXTemporaryObjectExpr>(Reported) &&
        cast<CXXConstructExpr>(Reported)->getParenOrBraceRange().isInvalid())
      return; // An implicit construction (a copy), not written by the user.
  }

  const Stmt *Outermost = nullptr;
  Fate F = fateOf(Reported, Ctx, Outermost);
  if (F == Fate::Kept)
    return;

  const ContextTypeInfo *Info = nullptr;
  if (Factory) {
    const auto *FD = Factory->getDirectCallee();
    if (FD && FD->getTemplateSpecializationArgs() &&
        FD->getTemplateSpecializationArgs()->size() > 0)
      Info = model().classify(
          FD->getTemplateSpecializationArgs()->get(0).getAsType(), Ctx);
  } else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(Reported)) {
    Info = model().classify(U->getTypeAsWritten(), Ctx);
  } else {
    Info = model().classify(Reported->getType(), Ctx);
  }
  llvm::StringRef TypeName = Info ? llvm::StringRef(Info->Name) : "stop callback";

  SourceLocation Loc = Reported->getBeginLoc();
  auto Diag =
      Factory ? diag(Loc, "'%0' created by '%1' is destroyed at the end of "
                          "the statement; its callback will never run")
                    << TypeName
                    << Factory->getDirectCallee()->getName()
                    << Reported->getSourceRange()
              : diag(Loc, "temporary '%0' is destroyed at the end of the "
                          "statement; its callback will never run")
                    << TypeName << Reported->getSourceRange();

  // The rewrite: name the object so that it lives to the end of the scope.
  if (F != Fate::DiscardedInStatement || Outermost == nullptr)
    return;
  const Stmt *Body = nullptr;
  for (DynTypedNodeList Ps = Ctx.getParents(*Outermost); !Ps.empty();
       Ps = Ctx.getParents(Ps[0])) {
    if (const auto *FD = Ps[0].get<FunctionDecl>()) {
      Body = FD->getBody();
      break;
    }
    if (const auto *LE = Ps[0].get<LambdaExpr>()) {
      Body = LE->getBody();
      break;
    }
  }
  std::string Name = freshName("stopCallback", Body, &ChosenNames[Body]);
  if (Factory) {
    if (Loc.isMacroID() || Factory->getEndLoc().isMacroID())
      return;
    Diag << FixItHint::CreateInsertion(Loc, "auto " + Name + " = ");
    return;
  }
  std::optional<CharSourceRange> TypeRange = writtenTypeRange(Reported, SM);
  if (!TypeRange || Reported->getEndLoc().isMacroID())
    return;
  llvm::StringRef TypeText =
      Lexer::getSourceText(*TypeRange, SM, Ctx.getLangOpts()).rtrim();
  if (TypeText.empty())
    return;
  Diag << FixItHint::CreateReplacement(*TypeRange,
                                       (TypeText + " " + Name).str());
}

} // namespace clang::tidy::ctx
