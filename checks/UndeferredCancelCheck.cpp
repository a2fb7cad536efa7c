//===--- UndeferredCancelCheck.cpp - ctx-tidy -----------------------------===//

#include "checks/UndeferredCancelCheck.h"
#include "lib/ExitPaths.h"
#include "lib/ExprShapes.h"
#include "lib/ScopeGuardFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

std::string handleName(const CancelHandle &H) {
  return H.Decl->getNameAsString();
}

/// The closing brace of a function, lambda or coroutine body.
SourceLocation closingBrace(const Stmt *Body) {
  if (const auto *Coro = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coro->getBody();
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
    return CS->getRBracLoc();
  return Body ? Body->getEndLoc() : SourceLocation();
}

} // namespace

UndeferredCancelCheck::UndeferredCancelCheck(llvm::StringRef Name,
                                             ClangTidyContext *Context)
    : ContextCheckBase(Name, Context),
      ScopeGuardTemplate(readScopeGuardOption()) {
  for (const std::string &N : splitOptionList(DefaultSynchronousCalls))
    SynchronousCalls.add(N);
  // User entries extend the defaults.
  for (const std::string &N : readNameList("SynchronousCalls", false))
    SynchronousCalls.add(N);
}

void UndeferredCancelCheck::registerMatchers(MatchFinder *Finder) {
  registerBodyMatchers(Finder);
}

void UndeferredCancelCheck::check(const MatchFinder::MatchResult &Result) {
  if (auto B = bodyOf(Result, /*SkipSystemHeaders=*/false))
    analyseBody(B->Fn, B->Body, *Result.Context);
}

void UndeferredCancelCheck::analyseBody(const Decl *D, const Stmt *Body,
                                        ASTContext &Ctx) {
  if (!Body)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  CancelFlow Flow(model(), SynchronousCalls, parents(Ctx), D, Body);

  for (const CallExpr *Call : Flow.discardedFactoryCalls())
    diag(Call->getBeginLoc(), "the cancel function returned by '%0' is "
                              "discarded; the context can never be cancelled")
        << Call->getDirectCallee()->getName() << Call->getSourceRange();

  for (const CancelHandle &H : Flow.handles()) {
    HandleFlow HF = Flow.analyse(H);
    if (HF.OwnedByThread)
      continue;
    std::string Name = handleName(H);
    bool IsFunction = H.HandleKind == CancelHandle::CancelFunction;
    if (IsFunction && HF.NeverUsed) {
      diag(H.Decl->getLocation(), "the cancel function returned by '%0' is "
                                  "discarded; the context can never be "
                                  "cancelled")
          << H.Factory->getName();
      continue;
    }
    if (HF.ObligationStarts.empty())
      continue;
    if (!Flow.paths())
      return;
    std::optional<HandleLeak> Leak = Flow.findLeak(H, HF);
    if (!Leak)
      continue;

    // The fix: a scope guard right after the declaration.
    std::string GuardText;
    const DeclStmt *DS = H.Declaration;
    DynTypedNodeList DSParents = parents(Ctx).parents(*DS);
    bool CanFix = isa<VarDecl>(H.Decl) && !isa<DecompositionDecl>(H.Decl) &&
                  !HF.has(Settlement::Return) && !DSParents.empty() &&
                  DSParents[0].get<CompoundStmt>() &&
                  !DS->getBeginLoc().isMacroID() &&
                  !DS->getEndLoc().isMacroID() && !Flow.declaresThreadAfter(H);
    SourceLocation InsertAt;
    if (CanFix) {
      InsertAt =
          Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, Ctx.getLangOpts());
      std::string Action =
          IsFunction ? Name + "()" : model().cancelExpression(*H.Info, Name);
      if (InsertAt.isValid() && !Action.empty()) {
        ScopeGuardRequest Req;
        Req.Action = Action;
        Req.Handle = Name;
        Req.InsertAt = InsertAt;
        Req.EnclosingBody = Body;
        Req.Taken = &chosenNames(Body);
        GuardText = buildScopeGuard(Req, Ctx, ScopeGuardTemplate);
      }
    }
    bool FixOnWarning = !GuardText.empty() && !HF.has(Settlement::Move) &&
                        !HF.has(Settlement::Store) && !HF.has(Settlement::Pass);
    FixItHint Fix;
    if (!GuardText.empty())
      Fix = insertOnNewLine(InsertAt, DS->getBeginLoc(), GuardText, SM);

    {
      auto Warning =
          IsFunction
              ? diag(H.Decl->getLocation(),
                     "cancel function '%0' from '%1' is not called on every "
                     "path; work waiting on its context may never stop")
                    << Name << H.Factory->getName()
              : diag(H.Decl->getLocation(),
                     "cancel handle '%0' is not cancelled on every path; "
                     "tasks waiting on its token may never stop")
                    << Name;
      if (FixOnWarning)
        Warning << Fix;
    }

    // Where the token left, for a source (a cancel function's obligation
    // starts at its own declaration).
    if (!IsFunction && Leak->Start && Leak->Start->getBeginLoc().isValid()) {
      if (Leak->Work)
        diag(Leak->Start->getBeginLoc(),
             "the token of '%0' goes to '%1' here, which is not joined or "
             "waited for on every path",
             DiagnosticIDs::Note)
            << Name << Leak->Work->getName();
      else
        diag(Leak->Start->getBeginLoc(),
             "the token of '%0' goes to work that may outlive the function "
             "here",
             DiagnosticIDs::Note)
            << Name;
    }

    llvm::StringRef Verb = IsFunction ? "calling" : "cancelling";
    SourceLocation NoteLoc;
    std::string NoteText;
    const ExitPoint &Exit = Leak->Exit;
    switch (Exit.How) {
    case ExitPoint::Return:
      NoteLoc = Exit.Statement->getBeginLoc();
      NoteText = isa<CoreturnStmt>(Exit.Statement)
                     ? "this co_return is reached without %0 '%1'"
                     : "this return is reached without %0 '%1'";
      break;
    case ExitPoint::Throw:
      NoteLoc = Exit.Statement->getBeginLoc();
      NoteText = "this throw leaves the function without %0 '%1'";
      break;
    case ExitPoint::FallOffEnd:
      NoteLoc = closingBrace(Body);
      NoteText = "the end of the function is reached without %0 '%1'";
      break;
    }
    auto Note = diag(NoteLoc, NoteText, DiagnosticIDs::Note) << Verb << Name;
    if (!FixOnWarning && !GuardText.empty())
      Note << Fix;
  }
}

} // namespace clang::tidy::ctx
