//===--- StaticStorageCheck.cpp - ctx-tidy --------------------------------===//

#include "checks/StaticStorageCheck.h"
#include "lib/ExitPaths.h"
#include "lib/ScopeGuardFix.h"
#include "lib/StorageAnalysis.h"
#include "lib/ValueUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// How the user reads the target: "g_tokens", "Registry::tokens_",
/// "g_registry.tokens".
std::string targetName(const StaticTarget &T) {
  if (const auto *F = dyn_cast<FieldDecl>(T.Key)) {
    if (T.Root)
      return (T.Root->getName() + "." + F->getName()).str();
    return qualifiedNameOf(F);
  }
  return qualifiedNameOf(T.Key);
}

/// The statement a store is, when it is one directly inside a block.
const Stmt *statementInBlock(const Expr *E, const ParentIndex &Parents) {
  Climbed Up = climb(E, Parents);
  if (Up.Copied || Up.Moved || Up.Conditional || !Up.Parent.get<CompoundStmt>())
    return nullptr;
  return Up.Top;
}

llvm::StringRef textOf(CharSourceRange R, const ASTContext &Ctx) {
  return Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts());
}

} // namespace

StaticStorageCheck::StaticStorageCheck(llvm::StringRef Name,
                                       ClangTidyContext *Context)
    : ContextCheckBase(Name, Context),
      LongLivedTypes(readNameList("LongLivedTypes", /*Global=*/false)),
      ScopeGuardTemplate(readScopeGuardOption()) {}

StaticStorageCheck::~StaticStorageCheck() = default;

void StaticStorageCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis needs the whole translation unit at once: a container's
  // removals and the long-lived classes may be anywhere in it.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void StaticStorageCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  StorageAnalysis A(Ctx, model(), LongLivedTypes);
  A.scan();
  for (const StoreSite &S : A.stores())
    analyse(S, A, Ctx);
  Exits.clear();
}

bool StaticStorageCheck::isRestored(const StoreSite &S,
                                    const StorageAnalysis &A, ASTContext &Ctx) {
  if (S.Kind == StoreKind::StaticInit || !S.Body)
    return false;
  // An RAII "current context" class: the constructor stores, the destructor
  // puts the previous value back.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(S.Function))
    if (const CXXDestructorDecl *Dtor = Ctor->getParent()->getDestructor())
      if (const Stmt *Body = Dtor->getBody())
        if (A.containsWriteTo(Body, S.Target))
          return true;

  std::unique_ptr<ExitPathAnalysis> &Exit = Exits[S.Body];
  if (!Exit)
    Exit = ExitPathAnalysis::build(S.Function, S.Body, Ctx);
  if (!Exit)
    return true; // No CFG: say nothing rather than guess.
  std::optional<CFGPosition> Pos = Exit->positionOf(S.Store);
  if (!Pos)
    return true; // Unreachable code.
  auto Restores = [&](const CFGElement &E) {
    if (const Stmt *St = ExitPathAnalysis::statementOf(E))
      return !containsStmt(St, S.Store) && A.writesTo(St, S.Target);
    // A scope guard (or any local object) whose destructor or callable
    // writes the slot back.
    if (std::optional<CFGAutomaticObjDtor> D = E.getAs<CFGAutomaticObjDtor>()) {
      const VarDecl *V = D->getVarDecl();
      if (V->getInit() &&
          A.containsWriteTo(V->getInit(), S.Target, /*OnlyInLambdas=*/true))
        return true;
      if (const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl())
        if (const CXXDestructorDecl *Dtor = RD->getDestructor())
          if (const Stmt *Body = Dtor->getBody())
            return A.containsWriteTo(Body, S.Target);
    }
    return false;
  };
  return !Exit->findExitAvoiding(*Pos, Restores);
}

std::optional<FixItHint>
StaticStorageCheck::eraseGuard(const StoreSite &S, const StorageAnalysis &A,
                               ASTContext &Ctx) {
  if (S.Kind != StoreKind::Insert && S.Kind != StoreKind::SubscriptAssign)
    return std::nullopt;
  if (!S.Key || !S.Object || !isRepeatable(S.Key) || S.Key->isTypeDependent() ||
      S.Object->isTypeDependent() || S.ObjectType.isNull() ||
      !isKeyedContainer(S.ObjectType) || !A.isRepeatableAccess(S.Object))
    return std::nullopt;
  // Inside a withWLock-style callback the scope is the critical section,
  // not the request.
  if (const auto *M = dyn_cast<CXXMethodDecl>(S.Function))
    if (M->getParent()->isLambda())
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(S.Object->IgnoreParenImpCasts()))
        if (isa<ParmVarDecl>(DRE->getDecl()))
          return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Statement = statementInBlock(S.Store, parents(Ctx));
  if (!Statement || Statement->getBeginLoc().isMacroID() ||
      Statement->getEndLoc().isMacroID() || S.Key->getBeginLoc().isMacroID())
    return std::nullopt;

  std::string Prefix;
  if (S.Kind == StoreKind::Insert) {
    if (S.MemberLoc.isInvalid() || S.MemberLoc.isMacroID())
      return std::nullopt;
    Prefix = textOf(CharSourceRange::getCharRange(S.Object->getBeginLoc(),
                                                  S.MemberLoc),
                    Ctx)
                 .str();
  } else {
    Prefix = (textOf(CharSourceRange::getTokenRange(S.Object->getSourceRange()),
                     Ctx) +
              ".")
                 .str();
  }
  llvm::StringRef Key =
      textOf(CharSourceRange::getTokenRange(S.Key->getSourceRange()), Ctx);
  if (Prefix.empty() || Key.empty())
    return std::nullopt;

  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      Statement->getEndLoc(), tok::semi, SM, Ctx.getLangOpts(),
      /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid())
    return std::nullopt;
  ScopeGuardRequest R;
  R.Action = Prefix + "erase(" + Key.str() + ")";
  R.Handle = "registration";
  R.InsertAt = Statement->getBeginLoc();
  R.EnclosingBody = S.Body;
  R.Taken = &chosenNames(S.Body);
  std::string Guard = buildScopeGuard(R, Ctx, ScopeGuardTemplate);
  if (Guard.empty())
    return std::nullopt;
  return insertOnNewLine(AfterSemi, Statement->getBeginLoc(), Guard, SM);
}

void StaticStorageCheck::analyse(const StoreSite &S, const StorageAnalysis &A,
                                 ASTContext &Ctx) {
  // Stores made in main set up the process, not a request.
  if (!S.Function || S.Function->isMain() || !S.Store ||
      S.Store->containsErrors() || S.Values.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(S.Store->getBeginLoc())))
    return;

  // The type that holds the context: the container written, or the slot.
  QualType Holder =
      !S.ObjectType.isNull() ? S.ObjectType : S.Target.Key->getType();
  if (S.Kind == StoreKind::StaticInit)
    Holder = S.Target.Key->getType();
  ContextModel::Nested Held = model().findInside(Holder, Ctx);
  if (!Held.Info && S.ObjectType.isNull())
    Held = model().findInside(S.Target.Key->getType(), Ctx);
  if (!Held.Info || holdsContextsOnlyInPointeeCollections(Holder, model(), Ctx))
    return;

  bool ContainerStore =
      (S.Kind == StoreKind::Insert || S.Kind == StoreKind::SubscriptAssign) &&
      (isContainer(Holder) || Holder->isDependentType() ||
       (S.Object && S.Object->isTypeDependent()) ||
       S.Kind == StoreKind::SubscriptAssign);
  if (S.Kind == StoreKind::Assign && S.Target.Element &&
      isContainer(S.Target.Key->getType()))
    ContainerStore = true;

  FeedingOrigins Origin;
  for (const Expr *V : S.Values) {
    FeedingOrigins O = A.originsOf(V);
    Origin.FromRequest |= O.FromRequest;
    Origin.FromStatic |= O.FromStatic;
    Origin.Fresh |= O.Fresh;
    Origin.FreshRoot |= O.FreshRoot;
  }
  llvm::StringRef Link = nonOwningLink(Holder, model(), Ctx);
  if (Link.empty() && S.Kind == StoreKind::StaticInit &&
      S.Target.Key->getType()->isReferenceType())
    Link = "reference";
  // A new root source put in a single slot replaces the slot's source; put
  // in a container, it adds an entry each time.
  bool RequestScoped = Link.empty() ? Origin.FromRequest || Origin.Fresh ||
                                          (ContainerStore && Origin.FreshRoot)
                                    : Origin.FromRequest;
  if (!RequestScoped)
    return;

  enum { Rule1, Rule2, Rule3 } Rule;
  if (!Link.empty())
    Rule = Rule2;
  else if (ContainerStore)
    Rule = Rule1;
  else
    Rule = Rule3;

  if (Rule == Rule1 &&
      (!A.removalVisibleInFile(S.Target) || A.hasRemoval(S.Target)))
    return;
  if (Rule != Rule1 && isRestored(S, A, Ctx))
    return;

  // "request token", "request context", "request cancel source".
  std::string Role = Held.Info->Role == ContextRole::RequestContext
                         ? std::string("request context")
                         : ("request " + roleName(Held.Info->Role)).str();
  std::string Name = targetName(S.Target);
  std::string Where =
      S.Target.LongLived
          ? "member of long-lived '" + qualifiedNameOf(S.Target.LongLived) + "'"
          : "";
  // "static 'g_active'", "'Server::last_', a member of long-lived 'Server',".
  std::string Slot = S.Target.LongLived ? "'" + Name + "', a " + Where + ","
                                        : "static '" + Name + "'";
  SourceLocation Loc = S.Store->getBeginLoc();
  if (S.Kind == StoreKind::StaticInit)
    Loc = S.Target.Key->getLocation();

  switch (Rule) {
  case Rule1:
    if (S.Target.LongLived)
      diag(Loc, "%0 is stored in '%1', a %2, and never removed")
          << Role << Name << Where << S.Store->getSourceRange();
    else
      diag(Loc, "%0 is stored in static container '%1' and never "
                "removed")
          << Role << Name << S.Store->getSourceRange();
    break;
  case Rule2:
    diag(Loc, "%0 to a %1 is stored in %2 and dangles when the request ends")
        << Link << Role << Slot << S.Store->getSourceRange();
    break;
  case Rule3:
    diag(Loc, "%0 is %select{assigned to|kept in}1 %2 and outlives the request")
        << Role << (S.Kind == StoreKind::StaticInit ? 1 : 0) << Slot
        << S.Store->getSourceRange();
    break;
  }

  // Where the storage is declared, and why it lives long.
  if (S.Kind != StoreKind::StaticInit)
    diag(cast<ValueDecl>(S.Target.Key->getCanonicalDecl())->getLocation(),
         "'%0' declared here", DiagnosticIDs::Note)
        << Name;
  if (S.Target.LongLived) {
    std::optional<LongLivedReason> Why = A.longLived(S.Target.LongLived);
    if (Why && Why->Witness)
      diag(Why->Witness->getLocation(),
           "'%0' is long-lived: '%1' has static storage", DiagnosticIDs::Note)
          << qualifiedNameOf(S.Target.LongLived) << Why->Witness->getName();
    else
      diag(S.Target.LongLived->getLocation(),
           "'%0' is long-lived: it is listed in LongLivedTypes",
           DiagnosticIDs::Note)
          << qualifiedNameOf(S.Target.LongLived);
  }

  // The hint: at most one note carries a fix.
  switch (Rule) {
  case Rule1: {
    if (std::optional<FixItHint> Guard = eraseGuard(S, A, Ctx)) {
      diag(S.Store->getBeginLoc(), "erase the entry when this scope ends",
           DiagnosticIDs::Note)
          << *Guard;
      return;
    }
    diag(S.Store->getBeginLoc(),
         "erase the entry when the request ends, or store the request's ids "
         "and deadline instead of the %0",
         DiagnosticIDs::Note)
        << Role;
    return;
  }
  case Rule2:
    if (Held.Info->Copy == CopySemantics::OwnsState)
      diag(S.Store->getBeginLoc(),
           "store a copy of the %0 instead: a copy shares the cancellation "
           "state and cannot dangle",
           DiagnosticIDs::Note)
          << Role;
    else
      diag(S.Store->getBeginLoc(),
           "store the request's ids and deadline instead of a %0 to the %1",
           DiagnosticIDs::Note)
          << Link << Role;
    return;
  case Rule3:
    diag(S.Store->getBeginLoc(),
         S.Kind == StoreKind::StaticInit
             ? "a static is initialized once and keeps the first request's "
               "%1 for the life of the process"
             : "restore the previous value before every exit, or store the "
               "request's ids and deadline instead of the %0",
         DiagnosticIDs::Note)
        << Role << roleName(Held.Info->Role);
    return;
  }
}

} // namespace clang::tidy::ctx
