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

/// The whitespace that starts the line \p Loc is on.
std::string indentationOf(SourceLocation Loc, const SourceManager &SM) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return "";
  unsigned Offset = SM.getFileOffset(Loc);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Buffer.substr(LineStart, Offset - LineStart);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

/// True if the guard declared by \p Guard is alive at \p S: declared before
/// it in a block that contains it.
bool guardCovers(const Stmt *Guard, const Stmt *S, const ParentIndex &Parents) {
  const SourceManager &SM = Parents.context().getSourceManager();
  if (!SM.isBeforeInTranslationUnit(Guard->getEndLoc(), S->getBeginLoc()))
    return false;
  DynTypedNodeList Ps = Parents.parents(*Guard);
  const auto *Block = Ps.empty() ? nullptr : Ps[0].get<CompoundStmt>();
  return Block && containsStmt(Block, S);
}

} // namespace

UndeferredCancelCheck::UndeferredCancelCheck(llvm::StringRef Name,
                                             ClangTidyContext *Context)
    : ContextCheckBase(Name, Context),
      ScopeGuardTemplate(Options.get("ScopeGuard", "")) {
  for (const std::string &N : splitOptionList(DefaultSynchronousCalls))
    SynchronousCalls.add(N);
  // User entries extend the defaults.
  for (const std::string &N : readNameList("SynchronousCalls", false))
    SynchronousCalls.add(N);
}

void UndeferredCancelCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContextCheckBase::storeOptions(Opts);
  Options.store(Opts, "ScopeGuard", ScopeGuardTemplate);
}

void UndeferredCancelCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
  // Instantiations are skipped in check(): the isInstantiated() and
  // isInTemplateInstantiation() matchers would build the parent map of the
  // whole translation unit, a fixed cost larger than the analysis. The
  // analysis asks parents(), which indexes only the code as written.
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void UndeferredCancelCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (FD->isInvalidDecl() || !FD->hasBody() || isInInstantiation(FD))
      return;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        return; // Analysed through its LambdaExpr.
    analyseBody(FD, FD->getBody(), Ctx);
    return;
  }
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    const CXXMethodDecl *Op = L->getCallOperator();
    if (!Op || Op->isInvalidDecl() || isInInstantiation(Op))
      return;
    analyseBody(Op, L->getBody(), Ctx);
  }
}

void UndeferredCancelCheck::analyseBody(const Decl *D, const Stmt *Body,
                                        ASTContext &Ctx) {
  if (!Body)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  CancelFlow Flow(model(), SynchronousCalls, parents(Ctx), Body);

  for (const CallExpr *Call : Flow.discardedFactoryCalls())
    diag(Call->getBeginLoc(), "the cancel function returned by '%0' is "
                              "discarded; the context can never be cancelled")
        << Call->getDirectCallee()->getName() << Call->getSourceRange();

  if (Flow.handles().empty())
    return;
  std::unique_ptr<ExitPathAnalysis> Paths;
  bool TriedPaths = false;

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
    if (!TriedPaths) {
      TriedPaths = true;
      Paths = ExitPathAnalysis::build(D, Body, Ctx);
    }
    if (!Paths)
      return;

    // Elements that settle the handle.
    llvm::DenseSet<const Stmt *> SettleElements;
    for (const auto &[S, How] : HF.Settles)
      if (const Stmt *E = Paths->elementStatementOf(S))
        SettleElements.insert(E);
    // Where cancellation is permanent, a cancel before the token is taken
    // settles the source for every later token (it is born cancelled): only
    // starts that some path from the entry reaches uncancelled count.
    std::optional<llvm::DenseSet<const Stmt *>> ReachedUncancelled;
    if (H.HandleKind == CancelHandle::Source && H.Info &&
        H.Info->PermanentCancel) {
      llvm::DenseSet<const Stmt *> Cancels, Targets;
      for (const auto &[S, How] : HF.Settles)
        if (How == Settlement::Cancel)
          if (const Stmt *E = Paths->elementStatementOf(S))
            Cancels.insert(E);
      for (const Stmt *S : HF.ObligationStarts)
        if (const Stmt *E = Paths->elementStatementOf(S))
          Targets.insert(E);
      if (!Cancels.empty())
        ReachedUncancelled = Paths->reachedFromEntryAvoiding(Targets, Cancels);
    }
    // Starts grouped by the local object that holds the work the token went
    // to (a thread, a container of threads, a task; null: any other work).
    // Each group is one search: a start whose work ends at a join or wait
    // is settled there, never by the end of another object's work.
    struct Group {
      const VarDecl *Work;
      llvm::SmallVector<CFGPosition, 4> Starts;
      llvm::SmallVector<const Stmt *, 4> StartStmts;
    };
    llvm::SmallVector<Group, 2> Groups;
    for (const Stmt *S : HF.ObligationStarts) {
      if (llvm::any_of(HF.Guards, [&](const DeclStmt *G) {
            return guardCovers(G, S, parents(Ctx));
          }))
        continue;
      if (llvm::any_of(HF.StandingHandOffs, [&](const Stmt *G) {
            return guardCovers(G, S, parents(Ctx));
          }))
        continue;
      std::optional<CFGPosition> Pos = Paths->positionOf(S);
      if (!Pos)
        continue;
      const Stmt *StartElement = Paths->elementStatementOf(S);
      // Handed off by the very call that takes the token.
      if (SettleElements.contains(StartElement))
        continue;
      if (ReachedUncancelled && !ReachedUncancelled->contains(StartElement))
        continue;
      const VarDecl *Work = HF.StartWork.lookup(S);
      auto *G = llvm::find_if(Groups,
                              [&](const Group &Gr) { return Gr.Work == Work; });
      if (G == Groups.end()) {
        Groups.push_back({Work, {}, {}});
        G = &Groups.back();
      }
      G->Starts.push_back(*Pos);
      G->StartStmts.push_back(S);
    }
    std::optional<ExitPoint> Exit;
    const Stmt *ExitStart = nullptr;
    const VarDecl *ExitWork = nullptr;
    for (const Group &G : Groups) {
      llvm::DenseSet<const Stmt *> EndElements;
      for (const auto &[W, J] : HF.WorkEnds)
        if (W == G.Work)
          if (const Stmt *E = Paths->elementStatementOf(J))
            EndElements.insert(E);
      auto Ends = [&](const CFGElement &E) {
        const Stmt *S = ExitPathAnalysis::statementOf(E);
        return S && (SettleElements.contains(S) || EndElements.contains(S));
      };
      Exit = Paths->findExitAvoiding(G.Starts, Ends);
      if (!Exit)
        continue;
      // Only for the warning: the first start (in source order) that an
      // exit is reached from, and that exit, for the notes.
      llvm::SmallVector<unsigned, 4> Order(G.Starts.size());
      for (unsigned I = 0; I < Order.size(); ++I)
        Order[I] = I;
      llvm::stable_sort(Order, [&](unsigned A, unsigned B) {
        return SM.isBeforeInTranslationUnit(G.StartStmts[A]->getBeginLoc(),
                                            G.StartStmts[B]->getBeginLoc());
      });
      for (unsigned I : Order)
        if (std::optional<ExitPoint> One =
                Paths->findExitAvoiding(G.Starts[I], Ends)) {
          Exit = One;
          ExitStart = G.StartStmts[I];
          break;
        }
      ExitWork = G.Work;
      break;
    }
    if (!Exit)
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
        Req.Taken = &ChosenNames[Body];
        GuardText = buildScopeGuard(Req, Ctx, ScopeGuardTemplate);
      }
    }
    bool FixOnWarning = !GuardText.empty() && !HF.has(Settlement::Move) &&
                        !HF.has(Settlement::Store) && !HF.has(Settlement::Pass);
    FixItHint Fix;
    if (!GuardText.empty())
      Fix = FixItHint::CreateInsertion(
          InsertAt, "\n" + indentationOf(DS->getBeginLoc(), SM) + GuardText);

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
    if (!IsFunction && ExitStart && ExitStart->getBeginLoc().isValid()) {
      if (ExitWork)
        diag(ExitStart->getBeginLoc(),
             "the token of '%0' goes to '%1' here, which is not joined or "
             "waited for on every path",
             DiagnosticIDs::Note)
            << Name << ExitWork->getName();
      else
        diag(ExitStart->getBeginLoc(),
             "the token of '%0' goes to work that may outlive the function "
             "here",
             DiagnosticIDs::Note)
            << Name;
    }

    llvm::StringRef Verb = IsFunction ? "calling" : "cancelling";
    SourceLocation NoteLoc;
    std::string NoteText;
    switch (Exit->How) {
    case ExitPoint::Return:
      NoteLoc = Exit->Statement->getBeginLoc();
      NoteText = isa<CoreturnStmt>(Exit->Statement)
                     ? "this co_return is reached without %0 '%1'"
                     : "this return is reached without %0 '%1'";
      break;
    case ExitPoint::Throw:
      NoteLoc = Exit->Statement->getBeginLoc();
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
