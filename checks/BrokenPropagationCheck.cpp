//===--- BrokenPropagationCheck.cpp - ctx-tidy ----------------------------===//

#include "checks/BrokenPropagationCheck.h"
#include "lib/ExprShapes.h"
#include "lib/ScopeGuardFix.h"
#include "lib/ValueOrigin.h"
#include "lib/ValueUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// The calls and constructions of a body outside nested lambdas (a lambda
/// that receives a token is a callable of its own; one that does not is
/// not in the chain).
void collectCalls(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S)
    return;
  if (isa<LambdaExpr>(S))
    return;
  if (isa<CallExpr, CXXConstructExpr>(S))
    Out.push_back(cast<Expr>(S));
  for (const Stmt *Child : S->children())
    collectCalls(Child, Out);
}

/// The argument list of a call or construction.
llvm::ArrayRef<const Expr *> argsOf(const Expr *Call) {
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    return {CE->getArgs(), CE->getNumArgs()};
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return {C->getArgs(), C->getNumArgs()};
  return {};
}

/// Where the argument list of \p Call closes.
SourceLocation closingParen(const Expr *Call) {
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    return CE->getRParenLoc();
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return C->getParenOrBraceRange().getEnd();
  return {};
}

/// True if \p S mentions \p V, or calls a local lambda that does.
bool mentionsVar(const Stmt *S, const VarDecl *V, unsigned Depth = 0) {
  if (!S || Depth > MaxClimb)
    return false;
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    if (R->getDecl() == V)
      return true;
    // `auto stop = [&src] { ... }; std::stop_callback cb(tok, stop);`
    if (const auto *L = dyn_cast<VarDecl>(R->getDecl()))
      if (L->hasLocalStorage() && L->getInit() &&
          isa<LambdaExpr>(ignoreCopies(L->getInit())))
        return mentionsVar(ignoreCopies(L->getInit()), V, Depth + 1);
    return false;
  }
  for (const Stmt *Child : S->children())
    if (mentionsVar(Child, V, Depth + 1))
      return true;
  return false;
}

/// True if \p Ref is in a lambda (its body or its captures) that is the
/// callable of a stop-callback registration.
bool isInStopCallbackCallable(const Expr *Ref, const ParentIndex &Parents,
                              const ContextModel &Model,
                              const ASTContext &Ctx) {
  DynTypedNode N = DynTypedNode::create(*Ref);
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    N = Parents.parentOf(N);
    if (N.getNodeKind().isNone())
      return false;
    if (const auto *L = N.get<LambdaExpr>())
      return isStopCallbackCallable(L, Parents, Model, Ctx);
  }
  return false;
}

/// True if \p S mentions one of \p Decls.
bool mentionsAny(const Stmt *S,
                 const llvm::SmallPtrSetImpl<const ValueDecl *> &Decls,
                 unsigned Depth = 0) {
  if (!S || Depth > MaxClimb)
    return false;
  if (const auto *R = dyn_cast<DeclRefExpr>(S))
    return Decls.contains(R->getDecl());
  for (const Stmt *Child : S->children())
    if (mentionsAny(Child, Decls, Depth + 1))
      return true;
  return false;
}

/// True if \p S runs under an if or a loop whose condition asks one of
/// \p Decls: `if (tok.stop_requested()) src.request_stop();` links by hand.
bool guardedBy(const Stmt *S,
               const llvm::SmallPtrSetImpl<const ValueDecl *> &Decls,
               const ParentIndex &Parents) {
  DynTypedNode N = DynTypedNode::create(*S);
  for (unsigned Step = 0; Step < MaxClimb; ++Step) {
    N = Parents.parentOf(N);
    const auto *P = N.get<Stmt>();
    if (!P || isa<LambdaExpr>(P))
      return false;
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Cond = If->getCond();
    else if (const auto *W = dyn_cast<WhileStmt>(P))
      Cond = W->getCond();
    else if (const auto *D = dyn_cast<DoStmt>(P))
      Cond = D->getCond();
    else if (const auto *F = dyn_cast<ForStmt>(P))
      Cond = F->getCond();
    if (Cond && mentionsAny(Cond, Decls))
      return true;
  }
  return false;
}

/// True if \p Info is a cancel source whose object is its own token
/// (seastar::abort_source, tbb::task_group_context).
bool isOwnTokenSource(const ContextTypeInfo *Info) {
  return Info && Info->Role == ContextRole::CancelSource && Info->TokenIsSelf;
}

/// True if an lvalue naming a token can initialize a parameter of type \p T.
bool acceptsLvalue(QualType T) {
  if (T->isRValueReferenceType())
    return false;
  if (const auto *Ref = T->getAs<LValueReferenceType>())
    return Ref->getPointeeType().isConstQualified();
  return true;
}

} // namespace

/// One callable being analysed: what it receives, and the copies of it.
struct BrokenPropagationCheck::Body {
  llvm::ArrayRef<ReceivedToken> Received;
  const ValueUses &Uses;
  /// Each received token's holders (the token and its local copies).
  llvm::SmallPtrSet<const ValueDecl *, 8> Holders;
  const ContextModel &Model;
  /// The stop callbacks registered on a received token or a copy.
  llvm::SmallVector<TokenRegistration, 4> Registrations = {};
  /// The local sources rule 3 reported: one warning each.
  mutable llvm::SmallPtrSet<const VarDecl *, 4> ReportedSources = {};

  /// The holders of the received sources that are their own token
  /// (seastar::abort_source): an argument that names one passes it on,
  /// however converted (`&as`, `std::ref(as)`).
  llvm::SmallPtrSet<const ValueDecl *, 4> SourceHolders = {};

  /// The received token \p Info's values can be passed as, if any.
  const ReceivedToken *compatible(const ContextTypeInfo *Info,
                                  bool ThroughPointer) const {
    const ReceivedToken *Any = nullptr;
    for (const ReceivedToken &R : Received)
      if (R.Info == Info) {
        if (R.ThroughPointer == ThroughPointer && !R.name().empty())
          return &R;
        if (!Any)
          Any = &R;
      }
    return Any;
  }

  /// For a parameter of type \p Param that takes a source that is its own
  /// token (\p Info): the received one to pass, preferring one that can be
  /// written for it as it is or converted (see tokenArgumentFor), and how to
  /// write it (empty when no conversion is obvious).
  const ReceivedToken *compatibleSource(const ContextTypeInfo *Info,
                                        QualType Param, const ASTContext &Ctx,
                                        std::string &Spelled) const {
    const ReceivedToken *Any = nullptr;
    Spelled.clear();
    for (const ReceivedToken &R : Received)
      if (R.Info == Info) {
        std::string S = tokenArgumentFor(Param, R, Model, Ctx);
        if (!S.empty()) {
          Spelled = S;
          return &R;
        }
        if (!Any)
          Any = &R;
      }
    return Any;
  }

  /// True if the value of \p E is a received token, a copy of one, or
  /// derived from one (however indirectly).
  bool fromReceived(const Expr *E, const ASTContext &Ctx) const {
    return anyOrigin(E, Model, Ctx, [&](const Origin &O) {
      if (O.Decl && Holders.contains(O.Decl))
        return true;
      for (const VarDecl *V : O.Through)
        if (Holders.contains(V))
          return true;
      if (O.Kind == OriginKind::TokenOf && O.Object) {
        Origin Of = originOf(O.Object, Model, Ctx);
        return Of.Decl && Holders.contains(Of.Decl);
      }
      return false;
    });
  }

  /// True if no local variable on \p O's trail is changed after its
  /// initialization (assigned, passed by non-const reference, its address
  /// taken): the flow-insensitive origin is then the value.
  bool trailIsStable(const Origin &O) const {
    for (const VarDecl *V : O.Through) {
      if (!Uses.isLocalVar(V))
        return false;
      for (const DeclRefExpr *R : Uses.refsTo(V)) {
        Use U = Uses.classify(R);
        switch (U.Kind) {
        case UseKind::AssignedTo:
        case UseKind::AddressTaken:
          return false;
        case UseKind::MemberCall:
          if (!U.Method || !U.Method->isConst())
            return false;
          break;
        case UseKind::Argument:
          if (U.passing() == Passing::ByReference ||
              U.passing() == Passing::ByRValueReference ||
              U.passing() == Passing::Unknown)
            return false;
          break;
        default:
          break;
        }
      }
    }
    return true;
  }
};

BrokenPropagationCheck::BrokenPropagationCheck(llvm::StringRef Name,
                                               ClangTidyContext *Context)
    : ContextCheckBase(Name, Context) {
  // Shared with ctx-unforwarded-token: one list serves both.
  for (const std::string &N : readNameList("IgnoredCallees", /*Global=*/true))
    IgnoredCallees.add(N);
}

void BrokenPropagationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContextCheckBase::storeOptions(Opts);
}

void BrokenPropagationCheck::registerMatchers(MatchFinder *Finder) {
  registerBodyMatchers(Finder);
}

void BrokenPropagationCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  auto B = bodyOf(Result, /*SkipSystemHeaders=*/true);
  if (!B)
    return;
  auto Received = receivedTokensOf(*B, Ctx);
  analyse(Received, B->Body, Ctx);
}

void BrokenPropagationCheck::analyse(llvm::ArrayRef<ReceivedToken> All,
                                     const Stmt *S, ASTContext &Ctx) {
  if (!S)
    return;
  // Tokens, request contexts and sources that are their own token
  // (seastar::abort_source by reference, pointer or optional reference)
  // carry the chain.
  llvm::SmallVector<ReceivedToken, 2> Received;
  for (const ReceivedToken &R : All)
    if (R.Info && (R.Info->Role == ContextRole::Token ||
                   R.Info->Role == ContextRole::RequestContext ||
                   isOwnTokenSource(R.Info)))
      Received.push_back(R);
  if (Received.empty())
    return;
  ValueUses Uses(parents(Ctx), S);
  if (Uses.hasErrors())
    return;
  Body B{Received, Uses, {}, model()};
  for (const ReceivedToken &R : Received) {
    TokenUses TU(R, Uses, model(), Ctx);
    for (const ValueDecl *D : TU.holders()) {
      B.Holders.insert(D);
      if (isOwnTokenSource(R.Info))
        B.SourceHolders.insert(D);
    }
    B.Registrations.append(TU.registrations().begin(),
                           TU.registrations().end());
  }
  llvm::SmallVector<const Expr *, 32> Calls;
  collectCalls(S, Calls);
  for (const Expr *Call : Calls)
    checkCall(B, Call, Ctx);
  checkClientContexts(B, Ctx);
}

void BrokenPropagationCheck::noteReceived(const ReceivedToken &R,
                                          llvm::StringRef Callee,
                                          const FixItHint &Fix) {
  auto D = diag(R.Loc,
                "%0 '%1' is received here; if '%2' is meant to run detached, "
                "list it in IgnoredCallees or add "
                "NOLINT(ctx-broken-propagation) with the reason",
                DiagnosticIDs::Note)
           << roleName(R.Info->Role) << R.name() << Callee;
  if (!Fix.isNull())
    D << Fix;
}

void BrokenPropagationCheck::checkCall(const Body &B, const Expr *Call,
                                       ASTContext &Ctx) {
  if (Call->containsErrors() || Call->isTypeDependent())
    return;
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return;
  llvm::StringRef CalleeName;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee)) {
    // Copies and moves pass a value on; they do not choose one.
    if (Ctor->isCopyOrMoveConstructor() || !Ctor->getParent()->getIdentifier())
      return;
    CalleeName = Ctor->getParent()->getName();
  } else if (Callee->getDeclName().isIdentifier()) {
    CalleeName = Callee->getName();
  } else {
    return; // Operators: assignments and comparisons choose no callee.
  }
  // A merge or a derivation makes a token; it does not hand one to work.
  if (model().chainCallOf(Call, Ctx) != ContextModel::ChainCall::None)
    return;
  if (IgnoredCallees.containsCallee(Call, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  // A call that passes the received token (or something derived from it)
  // anywhere already links the callee: another defaulted or empty token
  // parameter is then a deliberate choice.
  for (const Expr *A : Args)
    if (!isa<CXXDefaultArgExpr>(A) &&
        (B.fromReceived(A, Ctx) || mentionsAny(A, B.SourceHolders)))
      return;

  bool FirstOmitted = true;
  unsigned Explicit = 0;
  for (const Expr *A : Args) {
    bool IsObject = false;
    auto Param = parameterOf(Call, A, IsObject);
    if (IsObject)
      continue;
    if (!Param) {
      ++Explicit;
      continue;
    }
    const ParmVarDecl *PD = Param->first->getParamDecl(Param->second);
    QualType PT = PD->getType();
    const ContextTypeInfo *Info = nullptr;
    bool ThroughPointer = false;
    bool ThroughOptional = false;
    bool TokenParam =
        holdsReceivableToken(PT, model(), Ctx, Info, ThroughPointer,
                             &ThroughOptional) &&
        Info &&
        (Info->Role == ContextRole::Token ||
         Info->Role == ContextRole::RequestContext || isOwnTokenSource(Info));
    // A source that is its own token is empty only as a null pointer or an
    // empty optional: one held by reference is always a source.
    bool SourceParam = TokenParam && isOwnTokenSource(Info);
    bool NeverStoppingParam = model().isNeverStoppingToken(PT, Ctx);

    // Rule 1: a defaulted token argument left out.
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(A)) {
      bool First = FirstOmitted;
      FirstOmitted = false;
      if (!TokenParam)
        continue;
      // Only a default that is itself never cancelled: `= {}`, `= T()`, a
      // root. A default computed by a call (a process-wide shutdown token)
      // may be cancelled by someone.
      const Expr *DefaultValue = Default->getExpr();
      Origin DO = originOf(DefaultValue, model(), Ctx);
      bool EmptyDefault =
          SourceParam
              ? DO.Kind == OriginKind::Null
              : (DO.Kind == OriginKind::DefaultConstructed && DO.Where &&
                 model().isEmptyWhenDefaultConstructed(DO.Where->getType(),
                                                       Ctx)) ||
                    DO.Kind == OriginKind::Root ||
                    model().isNeverStoppingToken(DefaultValue->getType(), Ctx);
      if (!EmptyDefault)
        continue;
      std::string Spelled;
      const ReceivedToken *R = SourceParam
                                   ? B.compatibleSource(Info, PT, Ctx, Spelled)
                                   : B.compatible(Info, ThroughPointer);
      if (!R)
        continue;
      if (!SourceParam && R->ThroughPointer == ThroughPointer &&
          !R->name().empty() && acceptsLvalue(PT))
        Spelled = R->name();
      SourceLocation Loc = Call->getExprLoc();
      if (const auto *CE = dyn_cast<CallExpr>(Call))
        if (const Expr *CalleeExpr = CE->getCallee())
          Loc = CalleeExpr->getExprLoc();
      FixItHint Fix;
      SourceLocation Close = closingParen(Call);
      // The received value is passed in place of the first defaulted
      // argument, when nothing comes from a macro and it binds as is.
      if (First && !Spelled.empty() && Close.isValid() && !Close.isMacroID() &&
          !Call->getBeginLoc().isMacroID() &&
          SM.isWrittenInSameFile(Call->getBeginLoc(), Close))
        Fix =
            FixItHint::CreateInsertion(Close, (Explicit ? ", " : "") + Spelled);
      diag(Loc, "call to '%0' leaves out %1 '%2', whose default is never "
                "cancelled; cancelling '%3' does not reach it")
          << CalleeName << roleName(Info->Role) << PD->getName() << R->name()
          << Fix;
      noteReceived(*R, CalleeName);
      continue;
    }
    ++Explicit;

    // Rule 2: an empty, parentless or never-stopping token passed.
    if (!TokenParam && !NeverStoppingParam)
      continue;
    Origin O = originOf(A, model(), Ctx);
    bool NeverStopping =
        !SourceParam && model().isNeverStoppingToken(A->getType(), Ctx);
    bool Null = SourceParam && O.Kind == OriginKind::Null;
    bool Empty = !SourceParam && O.Kind == OriginKind::DefaultConstructed &&
                 O.Where &&
                 model().isEmptyWhenDefaultConstructed(O.Where->getType(), Ctx);
    bool Root = !SourceParam && O.Kind == OriginKind::Root;
    if (!NeverStopping && !Empty && !Root && !Null) {
      if (TokenParam && Info->Role == ContextRole::Token)
        checkLocalSource(B, Call, A, CalleeName, Info, Ctx);
      continue;
    }
    if (!B.trailIsStable(O))
      continue;
    std::string Spelled;
    const ReceivedToken *R = !TokenParam ? nullptr
                             : SourceParam
                                 ? B.compatibleSource(Info, PT, Ctx, Spelled)
                                 : B.compatible(Info, ThroughPointer);
    // A never-stopping token given to a parameter deduced from it: any
    // received token is what could have been passed.
    bool Deduced = false;
    if (!R && NeverStopping) {
      const FunctionDecl *Pattern =
          Param->first->getTemplateInstantiationPattern();
      if (Pattern && Param->second < Pattern->getNumParams() &&
          Pattern->getParamDecl(Param->second)->getType()->isDependentType()) {
        R = &B.Received.front();
        Deduced = true;
      }
    }
    if (!R)
      continue;
    const Expr *Shown = A->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Shown))
      Shown = M->getSubExpr()->IgnoreParenImpCasts();
    if (!SourceParam && !Deduced && R->ThroughPointer == ThroughPointer &&
        !R->name().empty() && acceptsLvalue(PT))
      Spelled = R->name();
    FixItHint Fix;
    // The received value replaces the argument, when it binds as is or
    // converts plainly (`&as`, `std::ref(as)`).
    if (!Spelled.empty()) {
      CharSourceRange Range =
          CharSourceRange::getTokenRange(Shown->getSourceRange());
      if (Range.getBegin().isValid() && !Range.getBegin().isMacroID() &&
          !Range.getEnd().isMacroID() &&
          SM.isWrittenInSameFile(Range.getBegin(), Range.getEnd()))
        Fix = FixItHint::CreateReplacement(Range, Spelled);
    }
    diag(Shown->getBeginLoc(),
         "%select{empty|parentless|never-stopping|null}0 %1 passed to '%2' is "
         "never cancelled; cancelling '%3' does not reach it")
        << (Root                       ? 1
            : NeverStopping            ? 2
            : Null && !ThroughOptional ? 3
                                       : 0)
        << (NeverStopping || !Info ? llvm::StringRef("token")
                                   : roleName(Info->Role))
        << CalleeName << R->name() << Shown->getSourceRange() << Fix;
    noteReceived(*R, CalleeName);
  }
}

void BrokenPropagationCheck::checkLocalSource(const Body &B, const Expr *Call,
                                              const Expr *Arg,
                                              llvm::StringRef CalleeName,
                                              const ContextTypeInfo *Info,
                                              ASTContext &Ctx) {
  // Rule 3: the token of a fresh local source, while nothing in the body
  // makes a cancel of the received token reach the source.
  const VarDecl *Src = handleSourceOf(Arg, model(), Ctx);
  if (!Src || !B.Uses.isLocalVar(Src) || Src->getType()->isReferenceType() ||
      B.ReportedSources.contains(Src))
    return;
  const ContextTypeInfo *SrcInfo = model().classify(Src->getType(), Ctx);
  if (!SrcInfo || SrcInfo->Role != ContextRole::CancelSource)
    return;
  // Made here with no parent: a source constructed from anything may be
  // linked by its constructor (a user source given the parent).
  const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
      Src->getInit() ? Src->getInit()->IgnoreImplicit() : nullptr);
  if (!Init || Init->getNumArgs() != 0)
    return;
  const ReceivedToken *R = B.compatible(Info, /*ThroughPointer=*/false);
  if (!R)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  // Linked: a stop callback registered on a received token (or a copy)
  // before the call, whose callable reaches the source.
  for (const TokenRegistration &Reg : B.Registrations)
    if (Reg.Callable && mentionsVar(Reg.Callable, Src) &&
        SM.isBeforeInTranslationUnit(Reg.Registering->getBeginLoc(),
                                     Call->getBeginLoc()))
      return;
  // Any use of the source but taking its token, asking it or cancelling it
  // may link it elsewhere (a call given the source, a capture, its address).
  for (const DeclRefExpr *Ref : B.Uses.refsTo(Src)) {
    if (B.Uses.inNestedLambda(Ref)) {
      // The callable of a stop callback runs on a cancel; it hands the
      // source to no one.
      if (isInStopCallbackCallable(Ref, parents(Ctx), model(), Ctx))
        continue;
      return;
    }
    Use U = B.Uses.classify(Ref);
    if (U.Kind != UseKind::MemberCall || !U.Method)
      return;
    bool Cancels = model().isCancelMethod(U.Method, Ctx);
    if (!model().isTokenMethod(U.Method, Ctx) && !Cancels &&
        !U.Method->isConst())
      return;
    // A cancel under a test of the received token is a link made by hand.
    if (Cancels && guardedBy(Ref, B.Holders, parents(Ctx)))
      return;
  }
  B.ReportedSources.insert(Src);

  // The link to write right after the source's declaration.
  FixItHint Fix;
  const auto *DS =
      parents(Ctx).parentOf(DynTypedNode::create(*Src)).get<DeclStmt>();
  std::string Cancel = model().cancelExpression(*SrcInfo, Src->getName());
  if (DS && DS->isSingleDecl() && !R->Info->CallbackType.empty() &&
      !R->ThroughPointer && !R->name().empty() && !Cancel.empty() &&
      R->Info == Info && !DS->getBeginLoc().isMacroID() &&
      !DS->getEndLoc().isMacroID() &&
      isa_and_nonnull<CompoundStmt>(
          parents(Ctx).parentOf(DynTypedNode::create(*DS)).get<Stmt>())) {
    const Stmt *Scope = parents(Ctx).enclosingBody(*DS).second;
    std::string Name =
        freshName("link_" + R->name(), Scope, &chosenNames(Scope));
    SourceLocation After =
        Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, Ctx.getLangOpts());
    if (After.isValid())
      Fix = insertOnNewLine(After, DS->getBeginLoc(),
                            R->Info->CallbackType + " " + Name + "(" +
                                R->name() + ", [&" + Src->getName().str() +
                                "] { " + Cancel + "; });",
                            SM);
  }
  diag(Src->getLocation(),
       "the token of cancel source '%0' is given to '%1', but cancelling %2 "
       "'%3' does not reach '%0'")
      << Src->getName() << CalleeName << roleName(R->Info->Role) << R->name();
  {
    auto D = diag(Arg->getBeginLoc(),
                  "the token is passed here; link '%0' to '%1' with a stop "
                  "callback that cancels it",
                  DiagnosticIDs::Note)
             << Src->getName() << R->name();
    if (!Fix.isNull())
      D << Fix;
  }
  noteReceived(*R, CalleeName);
}

void BrokenPropagationCheck::checkClientContexts(const Body &B,
                                                 ASTContext &Ctx) {
  // Rule 4: in a gRPC handler, a client context made from nothing, with no
  // deadline, given to a stub call.
  const ReceivedToken *Server = nullptr;
  for (const ReceivedToken &R : B.Received)
    if (!R.Info->ChildContextFactory.empty() && !R.name().empty()) {
      Server = &R;
      break;
    }
  if (!Server)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const VarDecl *V : B.Uses.topLevelVars()) {
    if (V->getType()->isReferenceType() || V->getType()->isPointerType())
      continue;
    const ContextTypeInfo *Info = model().classify(V->getType(), Ctx);
    if (!Info || Info->Role != ContextRole::RequestContext ||
        !Info->ChildContextFactory.empty())
      continue;
    const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
        V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr);
    if (!Init || Init->getNumArgs() != 0 ||
        SM.isInSystemHeader(SM.getExpansionLoc(V->getLocation())))
      continue;
    const Expr *StubCall = nullptr;
    bool Escapes = false;
    for (const DeclRefExpr *Ref : B.Uses.refsTo(V)) {
      if (B.Uses.inNestedLambda(Ref)) {
        Escapes = true;
        break;
      }
      Use U = B.Uses.classify(Ref);
      if (U.Kind == UseKind::MemberCall) {
        if (U.Method && model().isDeadlineMethod(U.Method, Ctx)) {
          Escapes = true; // Bounded in time.
          break;
        }
        if (!U.Method)
          Escapes = true;
        continue;
      }
      // `&ctx` handed to a call: classify the address.
      if (U.Kind == UseKind::AddressTaken && U.User) {
        Use Of = B.Uses.classify(cast<Expr>(U.User));
        const auto *M = dyn_cast_or_null<CXXMethodDecl>(Of.Callee);
        if (Of.Kind == UseKind::Argument && M && model().isStubMethod(M)) {
          if (!StubCall)
            StubCall = Of.Call;
          continue;
        }
      }
      Escapes = true; // Handed elsewhere: a deadline may be set there.
      break;
    }
    if (Escapes || !StubCall)
      continue;
    const std::string &Factory = Server->Info->ChildContextFactory;
    std::string Spelled = Factory + "(" + (Server->ThroughPointer ? "*" : "") +
                          Server->name() + ")";
    diag(V->getLocation(),
         "client context '%0' is given to a stub call but has no deadline and "
         "does not inherit the cancellation of server context '%1'")
        << V->getName() << Server->name();
    diag(StubCall->getBeginLoc(),
         "the call is made here; create the context with '%0' to inherit the "
         "handler's deadline and cancellation, or give it a deadline",
         DiagnosticIDs::Note)
        << Spelled;
    diag(Server->Loc, "server context '%0' is received here",
         DiagnosticIDs::Note)
        << Server->name();
  }
}

} // namespace clang::tidy::ctx
