//===--- UnforwardedTokenCheck.cpp - ctx-tidy -----------------------------===//

#include "checks/UnforwardedTokenCheck.h"
#include "lib/ExprShapes.h"
#include "lib/Overloads.h"
#include "lib/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <memory>

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

struct UnforwardedTokenCheck::Callable {
  const FunctionDecl *Fn = nullptr;
  const ValueUses *Body = nullptr;
  llvm::SmallVector<std::unique_ptr<TokenUses>, 2> Tokens;
};

namespace {

/// The overload as a reader finds it: "fetch(const std::string &,
/// std::stop_token)".
std::string signatureOf(const FunctionDecl *F, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = false;
  std::string Out = F->getNameAsString() + "(";
  for (unsigned I = 0; I < F->getNumParams(); ++I) {
    if (I)
      Out += ", ";
    Out += F->getParamDecl(I)->getType().getAsString(Policy);
  }
  return Out + ")";
}

/// How the code names the object a member call is made on: its source text
/// when short, else the member's or the variable's name.
std::string objectText(const Expr *Object, const ASTContext &Ctx) {
  const Expr *E = Object->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E); ME && ME->isImplicitAccess())
    return ME->getMemberDecl()->getNameAsString();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text =
      Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (!Text.empty() && Text.size() <= 40 && !Text.contains('\n'))
    return Text.str();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl()->getNameAsString();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  return "the object";
}

/// True if a variable of the body other than the token's holders has the
/// token's name: inserting the name could name that variable instead.
bool nameIsShadowed(const TokenUses &Token, const ValueUses &Body) {
  std::string Name = Token.token().name();
  for (const VarDecl *V : Body.topLevelVars())
    if (V->getName() == Name && !Token.holds(V))
      return true;
  return false;
}

/// True if the callee of \p Call is named through a using-declaration: the
/// overloads it brings in are those declared before it, which a lookup of
/// the callee's own namespace does not see.
bool namedThroughUsing(const CallExpr *Call) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
      Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr);
  return DRE && isa<UsingShadowDecl>(DRE->getFoundDecl());
}

/// The identifier that names the callee of \p Call (`sleep` in
/// `seastar::sleep(d)`), for a call of a named function or member.
SourceLocation calleeNameLoc(const CallExpr *Call) {
  const Expr *Callee =
      Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Callee))
    return DRE->getNameInfo().getLoc();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->getMemberLoc();
  return SourceLocation();
}

} // namespace

bool UnforwardedTokenCheck::timedPollInObservingLoop(const CallExpr *Call,
                                                     bool TimedWait,
                                                     const Callable &C,
                                                     ASTContext &Ctx) const {
  // A timed wait or poll in a loop that observes the token: the loop sees
  // a stop within one period.
  const FunctionDecl *Callee = Call->getDirectCallee();
  bool Timed = TimedWait;
  for (const Expr *Arg : Call->arguments())
    Timed = Timed || hasLibraryRole(Arg->getType(), LibraryRole::TimeBound);
  if (Callee)
    for (const ParmVarDecl *P : Callee->parameters())
      Timed = Timed || hasLibraryRole(P->getType(), LibraryRole::TimeBound);
  if (Timed)
    for (const auto &T : C.Tokens)
      if (T->observedByLoopAround(Call, Ctx))
        return true;
  return false;
}

bool UnforwardedTokenCheck::checkVariants(const CallExpr *Call,
                                          const Callable &C, ASTContext &Ctx) {
  const VariantEntry *Entry = nullptr;
  for (const VariantEntry &E : TokenVariants)
    if (E.Callee.containsCallee(Call, Ctx)) {
      Entry = &E;
      break;
    }
  if (!Entry)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  // Which received tokens a parameter of the variant takes as they are
  // named: a source that is its own token too, since the variant is the
  // abortable form the configuration names.
  auto Accepting = [&](const ParmVarDecl *P) {
    llvm::SmallVector<const TokenUses *, 2> Out;
    for (const auto &T : C.Tokens)
      if (acceptsToken(P->getType(), T->token(), Ctx))
        Out.push_back(T.get());
    return Out;
  };
  OverloadLookup L;
  L.Callee = Callee;
  L.NamingClass = Member ? Member->getRecordDecl() : nullptr;
  L.Name = DeclarationName(&Ctx.Idents.get(Entry->Variant));
  L.From = C.Fn;
  L.At = Call->getBeginLoc();
  auto Variants = tokenVariantsFor(
      Call, L, [&](const ParmVarDecl *P) { return !Accepting(P).empty(); },
      Ctx);
  if (Variants.empty())
    return false;
  if (timedPollInObservingLoop(Call, /*TimedWait=*/false, C, Ctx))
    return true;

  const TokenVariant &First = Variants.front();
  llvm::SmallVector<const TokenUses *, 2> Takers =
      Accepting(First.Function->getParamDecl(First.TokenIndex));
  const TokenUses &Token = *Takers.front();
  std::string Name = Token.token().name();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation NameLoc = calleeNameLoc(Call);
  FixItHint Rename, Append;
  if (Variants.size() == 1 && Takers.size() == 1 && First.Appendable &&
      !Name.empty() && !nameIsShadowed(Token, *C.Body) &&
      !namedThroughUsing(Call) && NameLoc.isValid() && !NameLoc.isMacroID() &&
      !Call->getRParenLoc().isMacroID() &&
      SM.isWrittenInSameFile(NameLoc, Call->getRParenLoc())) {
    Rename = FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(NameLoc, NameLoc), Entry->Variant);
    Append = FixItHint::CreateInsertion(
        Call->getRParenLoc(), Call->getNumArgs() ? ", " + Name : Name);
  }
  {
    auto Diag = diag(Call->getExprLoc(),
                     "call to '%0' does not pass %select{stop token|request "
                     "context|cancel source}1 %select{it receives|'%3'}2; '%4' "
                     "takes it")
                << Callee->getName() << receivedNounIndex(Token.token().Info)
                << !Name.empty() << Name << Entry->Variant
                << Call->getSourceRange();
    if (!Rename.isNull())
      Diag << Rename << Append;
  }
  for (const TokenVariant &V : Variants)
    diag(V.Function->getLocation(),
         "variant that takes it: '%0'%select{; no fix: the call's arguments "
         "followed by the source do not bind to it as written|}1",
         DiagnosticIDs::Note)
        << signatureOf(V.Function, Ctx) << V.Appendable;
  return true;
}

UnforwardedTokenCheck::UnforwardedTokenCheck(llvm::StringRef Name,
                                             ClangTidyContext *Context)
    : ContextCheckBase(Name, Context) {
  // Read local-or-global with ctx-broken-propagation: one list of callees
  // that run detached on purpose serves both checks.
  for (const std::string &N : readNameList("IgnoredCallees", /*Global=*/true))
    IgnoredCallees.add(N);
  TokenVariantsOption =
      Options.getLocalOrGlobal("TokenVariants", DefaultTokenVariants).str();
  for (const std::string &Entry : splitOptionList(TokenVariantsOption)) {
    auto [CalleeName, VariantName] = llvm::StringRef(Entry).split('=');
    CalleeName = stripLeadingColons(CalleeName.trim());
    VariantName = stripLeadingColons(VariantName.trim());
    auto [CalleeScope, CalleeBase] = CalleeName.rsplit("::");
    auto [VariantScope, VariantBase] = VariantName.rsplit("::");
    // The variant is looked up where the callee is declared: the fix renames
    // the call and keeps its qualifier.
    if (!isValidQualifiedName(CalleeName) ||
        !isValidQualifiedName(VariantName) || CalleeScope != VariantScope ||
        CalleeBase == VariantBase) {
      configurationDiag("invalid entry '%0' in option 'TokenVariants' of "
                        "check '%1': expected 'ns::function=ns::variant', "
                        "both declared in the same scope")
          << Entry << this->getID();
      continue;
    }
    VariantEntry E;
    E.Callee.add(CalleeName);
    E.Variant = VariantBase.str();
    TokenVariants.push_back(std::move(E));
  }
}

void UnforwardedTokenCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContextCheckBase::storeOptions(Opts);
  Options.store(Opts, "TokenVariants", TokenVariantsOption);
}

void UnforwardedTokenCheck::registerMatchers(MatchFinder *Finder) {
  registerBodyMatchers(Finder);
}

void UnforwardedTokenCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  auto B = bodyOf(Result, /*SkipSystemHeaders=*/true);
  if (!B)
    return;
  auto Tokens = receivedTokensOf(*B, Ctx);
  if (Tokens.empty())
    return;
  // A stop callback's own callable runs on the stop request: waking others is
  // its job, not observing the token.
  if (B->Lambda &&
      isStopCallbackCallable(B->Lambda, parents(Ctx), model(), Ctx))
    return;
  analyse(B->Fn, B->Body, Tokens, Ctx);
}

void UnforwardedTokenCheck::analyse(const FunctionDecl *Fn, const Stmt *Body,
                                    llvm::ArrayRef<ReceivedToken> Tokens,
                                    ASTContext &Ctx) {
  if (!Body || Ctx.getSourceManager().isInSystemHeader(Body->getBeginLoc()))
    return;
  ValueUses Uses(parents(Ctx), Body);
  // Code with errors: no warning built on a guess.
  if (Uses.hasErrors() || Uses.topLevelCalls().empty())
    return;
  Callable C;
  C.Fn = Fn;
  C.Body = &Uses;
  for (const ReceivedToken &T : Tokens)
    C.Tokens.push_back(std::make_unique<TokenUses>(T, Uses, model(), Ctx));
  for (const CallExpr *Call : Uses.topLevelCalls())
    checkCall(Call, C, Ctx);
}

bool UnforwardedTokenCheck::isTokenLike(QualType T,
                                        const ASTContext &Ctx) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const ContextTypeInfo *I = model().classify(T, Ctx);
  return I && (I->Role == ContextRole::Token ||
               I->Role == ContextRole::RequestContext ||
               (I->Role == ContextRole::CancelSource && I->TokenIsSelf));
}

void UnforwardedTokenCheck::checkCall(const CallExpr *Call, const Callable &C,
                                      ASTContext &Ctx) {
  if (isa<CXXOperatorCallExpr, UserDefinedLiteral, CUDAKernelCallExpr>(Call) ||
      Call->containsErrors() || Call->isTypeDependent())
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Callee->isVariadic())
    return;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  // A call on a token itself (`tok.stop_requested()`) observes it.
  if (Object && isTokenLike(Object->getType(), Ctx))
    return;
  // A call that passes a token, or whose callee takes one (passed, or left
  // to its default), is ctx-broken-propagation's to judge.
  for (const Expr *Arg : Call->arguments())
    if (isTokenLike(Arg->getType(), Ctx))
      return;
  for (const ParmVarDecl *P : Callee->parameters())
    if (isTokenLike(P->getType(), Ctx))
      return;
  if (IgnoredCallees.containsCallee(Call, Ctx))
    return;
  if (checkVariants(Call, C, Ctx))
    return;

  // Rule 1: an overload that takes one of the received tokens.
  auto Accepting = [&](const ParmVarDecl *P) {
    llvm::SmallVector<const TokenUses *, 2> Out;
    for (const auto &T : C.Tokens)
      // A source that is its own token (tbb::task_group_context) is not
      // forwarded by passing it: the work would join its group, with its
      // exceptions and priority, not merely hear its stop.
      if (T->token().Info->Role != ContextRole::CancelSource &&
          acceptsToken(P->getType(), T->token(), Ctx))
        Out.push_back(T.get());
    return Out;
  };
  OverloadLookup L;
  L.Callee = Callee;
  L.NamingClass = Member ? Member->getRecordDecl() : nullptr;
  L.From = C.Fn;
  L.At = Call->getBeginLoc();
  auto Overloads = overloadsWithOneMore(
      L, [&](const ParmVarDecl *P) { return !Accepting(P).empty(); }, Ctx);

  const ConditionWait Wait =
      Member ? conditionWaitOf(Member->getMethodDecl()) : ConditionWait::None;
  if (Overloads.empty() && Wait != ConditionWait::Untimed)
    return;

  // An object a stop callback wakes: the stop request reaches the call.
  if (Object)
    for (const auto &T : C.Tokens)
      if (T->wakeUpFor(Object, Call))
        return;

  if (Overloads.empty()) {
    // Rule 2: a condition-variable wait only a notify ends, and no token
    // overload to offer.
    const TokenUses *Token = nullptr;
    for (const auto &T : C.Tokens)
      if (T->token().Info->Role == ContextRole::Token) {
        Token = T.get();
        break;
      }
    if (!Token)
      return;
    std::string Name = Token->token().name();
    std::string ObjectName = objectText(Object, Ctx);
    diag(Call->getExprLoc(), "wait on '%0' cannot be woken by a stop "
                             "request%select{| on '%2'}1")
        << ObjectName << !Name.empty() << Name << Call->getSourceRange();
    // The other way out: the object's own wait that takes the token (with
    // a predicate), or the condition-variable type that has one.
    unsigned Alternative = 0;
    llvm::StringRef Aware;
    for (const FoundMember &M :
         lookupMember(Member->getRecordDecl(), Callee->getDeclName())) {
      const auto *F = M.Decl->getAsFunction();
      if (F && llvm::any_of(F->parameters(), [&](const ParmVarDecl *P) {
            return acceptsToken(P->getType(), Token->token(), Ctx);
          }))
        Alternative = 1;
    }
    if (!Alternative) {
      Aware = tokenAwareConditionVariable(*Token->token().Info);
      Alternative = Aware.empty() ? 0 : 2;
    }
    diag(Call->getExprLoc(),
         "a stop callback on %select{the token|'%1'}0 that notifies '%2' wakes "
         "it%select{|, or its wait that takes %select{the token|'%1'}0 and a "
         "predicate|, or a wait on '%4' given %select{the token|'%1'}0 and a "
         "predicate}3",
         DiagnosticIDs::Note)
        << !Name.empty() << Name << ObjectName << Alternative << Aware;
    return;
  }

  if (timedPollInObservingLoop(Call, Wait == ConditionWait::Timed, C, Ctx))
    return;

  const ExtendedOverload &First = Overloads.front();
  llvm::SmallVector<const TokenUses *, 2> Takers =
      Accepting(First.Function->getParamDecl(First.ExtraIndex));
  const TokenUses &Token = *Takers.front();
  std::string Name = Token.token().name();
  // The fix: the token's name at the overload's token position, when the
  // call spells every other parameter of the overload in order.
  unsigned Written = 0;
  bool Spelled = true;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      Spelled = false;
    else
      ++Written;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<FixItHint> Fix;
  if (Overloads.size() == 1 && Takers.size() == 1 && !Name.empty() && Spelled &&
      Written + 1 == First.Function->getNumParams() &&
      !nameIsShadowed(Token, *C.Body) && !namedThroughUsing(Call) &&
      !Call->getBeginLoc().isMacroID() && !Call->getRParenLoc().isMacroID()) {
    if (First.ExtraIndex < Call->getNumArgs()) {
      SourceLocation Before = Call->getArg(First.ExtraIndex)->getBeginLoc();
      if (Before.isValid() && !Before.isMacroID() &&
          SM.isWrittenInSameFile(Before, Call->getRParenLoc()))
        Fix = FixItHint::CreateInsertion(Before, Name + ", ");
    } else {
      Fix = FixItHint::CreateInsertion(Call->getRParenLoc(),
                                       Call->getNumArgs() ? ", " + Name : Name);
    }
  }
  {
    auto Diag =
        diag(Call->getExprLoc(),
             "call to '%0' does not pass %select{stop token|request "
             "context|cancel source}1 %select{it receives|'%3'}2; an overload "
             "that takes it exists")
        << Callee->getName() << receivedNounIndex(Token.token().Info)
        << !Name.empty() << Name << Call->getSourceRange();
    if (Fix)
      Diag << *Fix;
  }
  for (const ExtendedOverload &O : Overloads)
    diag(O.Function->getLocation(), "overload that takes it: '%0'",
         DiagnosticIDs::Note)
        << signatureOf(O.Function, Ctx);
}

} // namespace clang::tidy::ctx
