//===--- UnobservedTokenCheck.cpp - ctx-tidy ------------------------------===//

#include "checks/UnobservedTokenCheck.h"
#include "lib/ExprShapes.h"
#include "lib/LoopShapes.h"
#include "lib/ScopeGuardFix.h"
#include "lib/ValueUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::ctx {

namespace {

/// How deep a body is searched for loops and calls; code nested deeper is
/// not looked at (no warning there).
constexpr unsigned MaxNesting = 256;

/// The for, while and do loops of a body, outer loops first; nested lambdas
/// are their own callables.
void collectLoops(const Stmt *S, llvm::SmallVectorImpl<const Stmt *> &Out,
                  unsigned Depth = 0) {
  if (!S || Depth > MaxNesting || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (isa<ForStmt, WhileStmt, DoStmt>(S))
    Out.push_back(S);
  for (const Stmt *Child : S->children())
    collectLoops(Child, Out, Depth + 1);
}

/// The member calls under \p S, calls of members of dependent objects
/// included, nested lambdas left out.
void collectMemberCalls(const Stmt *S,
                        llvm::SmallVectorImpl<const CallExpr *> &Out,
                        unsigned Depth = 0) {
  if (!S || Depth > MaxNesting || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (isa<CXXMemberCallExpr>(Call) ||
        isa<CXXDependentScopeMemberExpr, UnresolvedMemberExpr>(
            Call->getCallee()->IgnoreParenImpCasts()))
      Out.push_back(Call);
  for (const Stmt *Child : S->children())
    collectMemberCalls(Child, Out, Depth + 1);
}

SourceLocation keywordOf(const Stmt *Loop) {
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return F->getForLoc();
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    return W->getWhileLoc();
  if (const auto *D = dyn_cast<DoStmt>(Loop))
    return D->getDoLoc();
  return Loop->getBeginLoc();
}

/// True if the statements between \p Inner and \p Loop (both excluded)
/// hold no other loop or switch, so that a break in \p Inner ends \p Loop.
bool breakEndsLoop(const Stmt *Inner, const Stmt *Loop,
                   const ParentIndex &Parents) {
  DynTypedNode N = Parents.parentOf(DynTypedNode::create(*Inner));
  for (unsigned Steps = 0; Steps < MaxClimb; ++Steps) {
    const auto *S = N.get<Stmt>();
    if (!S)
      return false;
    if (S == Loop)
      return true;
    if (isLoop(S) || isa<SwitchStmt>(S))
      return false;
    N = Parents.parentOf(N);
  }
  return false;
}

/// True if the value of \p E decides whether \p Loop goes on: through `!`,
/// `&&` and `||` it is the loop's condition, or the condition of an `if` in
/// the loop with a branch that leaves it, directly or through a local
/// variable it initializes.
bool decidesLoop(const Expr *E, const Stmt *Loop, const ValueUses &Uses,
                 unsigned Depth = 0) {
  const ParentIndex &Parents = Uses.parents();
  DynTypedNode N = DynTypedNode::create(*E);
  DynTypedNode P = Parents.parentOf(N);
  for (unsigned Steps = 0; Steps < MaxClimb; ++Steps) {
    const auto *PE = P.get<Expr>();
    if (!PE)
      break;
    const auto *UO = dyn_cast<UnaryOperator>(PE);
    const auto *BO = dyn_cast<BinaryOperator>(PE);
    if (!(passesValueOn(PE) || (UO && UO->getOpcode() == UO_LNot) ||
          (BO && BO->isLogicalOp())))
      break;
    N = P;
    P = Parents.parentOf(N);
  }
  const auto *Value = N.get<Expr>();
  if (!Value)
    return false;
  if (const auto *S = P.get<Stmt>()) {
    if (S == Loop)
      return loopCondition(Loop) == Value;
    if (const auto *If = dyn_cast<IfStmt>(S))
      return If->getCond() == Value && breakEndsLoop(If, Loop, Parents) &&
             (mayLeaveEarly(If->getThen()) || mayLeaveEarly(If->getElse()));
    return false;
  }
  const auto *V = P.get<VarDecl>();
  if (!V || !V->hasLocalStorage() || Depth > 2)
    return false;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    if (W->getConditionVariable() == V)
      return true;
  for (const DeclRefExpr *Ref : Uses.refsTo(V))
    if (isWithin(Ref, Loop, Parents) && decidesLoop(Ref, Loop, Uses, Depth + 1))
      return true;
  return false;
}

/// True if \p Object's type has a member function named \p Method that takes
/// no arguments and, when \p ConstObject, can be called on a const object.
bool canCall(const CXXRecordDecl *RD, llvm::StringRef Method, bool ConstObject,
             unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return false;
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return false;
  for (const Decl *D : Def->decls()) {
    const auto *M = dyn_cast<CXXMethodDecl>(D);
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      M = dyn_cast<CXXMethodDecl>(T->getTemplatedDecl());
    if (M && M->getIdentifier() && M->getName() == Method &&
        M->getMinRequiredArguments() == 0 && M->getAccess() != AS_private &&
        M->getAccess() != AS_protected &&
        (!ConstObject || M->isConst() || M->isStatic()))
      return true;
  }
  for (const CXXBaseSpecifier &B : Def->bases())
    if (B.getAccessSpecifier() == AS_public &&
        canCall(B.getType()->getAsCXXRecordDecl(), Method, ConstObject,
                Depth + 1))
      return true;
  return false;
}

/// The expression that is true while \p Token has not been cancelled,
/// "!tok.stop_requested()", written with \p Name; empty when the model knows
/// no query for its type or the query cannot be called on the object as the
/// callable holds it.
std::string notCancelled(const ReceivedToken &Token, llvm::StringRef Name,
                         const ContextModel &Model) {
  if (!Token.Info || Name.empty())
    return "";
  // A source held through a pointer or an optional reference may hold
  // nothing: the question is asked only when it holds one.
  bool MayBeEmpty =
      Token.ThroughOptional ||
      (Token.ThroughPointer && Token.Info->Role == ContextRole::CancelSource);
  std::string Observe = Model.observeExpression(
      *Token.Info,
      Token.ThroughOptional ? (Name + "->get()").str() : Name.str(),
      Token.ThroughPointer);
  if (Observe.empty())
    return "";
  QualType T = Token.Decl->getType().getNonReferenceType();
  if (Token.ThroughOptional)
    T = optionalReferenceTarget(T);
  else if (T->isPointerType())
    T = T->getPointeeType();
  if (T.isNull())
    return "";
  bool Const = T.isConstQualified();
  if (Token.Via == ReceivedVia::Capture && Token.Capture &&
      Token.Capture->getCaptureKind() == LCK_ByCopy && Token.Lambda &&
      !Token.Lambda->isMutable() && !Token.ThroughPointer &&
      !Token.ThroughOptional)
    Const = true;
  llvm::StringRef Method =
      llvm::StringRef(Token.Info->ObserveCall).split('(').first;
  if (!canCall(T->getAsCXXRecordDecl(), Method, Const))
    return "";
  if (MayBeEmpty)
    return "!(" + Name.str() + " && " + Observe + ")";
  return "!" + Observe;
}

/// True if \p E needs parentheses as the left operand of `&&`.
bool needsParentheses(const Expr *E) {
  E = E->IgnoreImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->getOpcode() == BO_LOr || BO->isAssignmentOp() || BO->isCommaOp();
  if (isa<AbstractConditionalOperator, CXXThrowExpr>(E))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (Op->getOperator()) {
    case OO_PipePipe:
    case OO_Comma:
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_PercentEqual:
    case OO_AmpEqual:
    case OO_PipeEqual:
    case OO_CaretEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
      return true;
    default:
      return false;
    }
  }
  return false;
}

/// True if `Cond && !tok.stop_requested()` surely means what it says: the
/// condition is a scalar, or an object of a library class (std::atomic,
/// std::unique_ptr) converted to bool, none of which overloads `&&`.
bool conjunctionCompiles(const Expr *Cond, const SourceManager &SM) {
  if (Cond->isTypeDependent() || Cond->isValueDependent() ||
      Cond->containsErrors())
    return false;
  const Expr *E = Cond->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_UserDefinedConversion)
      break;
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    E = Cast->getSubExpr();
  if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(E->IgnoreParens()))
    if (isa_and_nonnull<CXXConversionDecl>(Conv->getMethodDecl()))
      E = Conv->getImplicitObjectArgument();
  QualType T = E->getType();
  if (T->isScalarType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && SM.isInSystemHeader(RD->getLocation());
}

/// The text between `(` and `)` of a for statement's header split at its
/// two top-level semicolons: the range between them (the condition's place).
std::optional<CharSourceRange> forConditionSlot(const ForStmt *For,
                                                const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Open = For->getLParenLoc();
  SourceLocation Close = For->getRParenLoc();
  if (Open.isInvalid() || Close.isInvalid() || Open.isMacroID() ||
      Close.isMacroID() || !SM.isWrittenInSameFile(Open, Close))
    return std::nullopt;
  std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Open);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Start.first, &Invalid);
  if (Invalid)
    return std::nullopt;
  unsigned End = SM.getFileOffset(Close);
  Lexer Lex(SM.getLocForStartOfFile(Start.first), Ctx.getLangOpts(),
            Buffer.begin(), Buffer.begin() + Start.second + 1, Buffer.end());
  int Depth = 0;
  llvm::SmallVector<SourceLocation, 2> Semicolons;
  Token Tok;
  while (!Lex.LexFromRawLexer(Tok)) {
    if (SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    if (Tok.isOneOf(tok::l_paren, tok::l_brace, tok::l_square))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_brace, tok::r_square))
      --Depth;
    else if (Tok.is(tok::semi) && Depth == 0)
      Semicolons.push_back(Tok.getLocation());
    if (Depth < 0 || Semicolons.size() > 2)
      return std::nullopt;
  }
  if (Semicolons.size() != 2)
    return std::nullopt;
  return CharSourceRange::getCharRange(Semicolons[0].getLocWithOffset(1),
                                       Semicolons[1]);
}

/// The rewrite of \p Loop's condition so that it also asks
/// \p NotCancelled; none where the result might not compile.
std::optional<FixItHint> conditionFix(const Stmt *Loop, LoopShape Shape,
                                      llvm::StringRef NotCancelled,
                                      const ASTContext &Ctx) {
  if (NotCancelled.empty())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Cond = loopCondition(Loop);
  if (!Cond) {
    const auto *For = dyn_cast<ForStmt>(Loop);
    if (!For)
      return std::nullopt;
    std::optional<CharSourceRange> Slot = forConditionSlot(For, Ctx);
    if (!Slot)
      return std::nullopt;
    return FixItHint::CreateReplacement(*Slot, (" " + NotCancelled).str());
  }
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    if (W->getConditionVariable())
      return std::nullopt;
  SourceRange R = Cond->getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID() ||
      Cond->containsErrors())
    return std::nullopt;
  if (Shape == LoopShape::ConstantTrue)
    return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(R),
                                        NotCancelled);
  if (!conjunctionCompiles(Cond, SM))
    return std::nullopt;
  llvm::StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                                              SM, Ctx.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  std::string New =
      needsParentheses(Cond) ? ("(" + Text + ")").str() : Text.str();
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(R),
                                      New + " && " + NotCancelled.str());
}

/// The loops of \p Body that may run until something outside stops them:
/// neither range-for nor counted.
llvm::SmallVector<std::pair<const Stmt *, LoopShape>, 4>
unboundedLoops(const Stmt *Body, const ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 8> Loops;
  collectLoops(Body, Loops);
  llvm::SmallVector<std::pair<const Stmt *, LoopShape>, 4> Out;
  for (const Stmt *Loop : Loops) {
    if (const Expr *Cond = loopCondition(Loop); Cond && Cond->containsErrors())
      continue;
    LoopShape Shape = loopShapeOf(Loop, Ctx);
    if (Shape == LoopShape::ConstantTrue || Shape == LoopShape::Conditional)
      Out.push_back({Loop, Shape});
  }
  return Out;
}

/// True if a loop reported at \p Loc is in code the user cannot change.
bool inSystemCode(SourceLocation Loc, const SourceManager &SM) {
  return Loc.isInvalid() || SM.isInSystemHeader(Loc) || SM.isInSystemMacro(Loc);
}

/// Where to insert a name after the type of the unnamed parameter \p P.
SourceLocation afterType(const ParmVarDecl *P, const ASTContext &Ctx) {
  const TypeSourceInfo *TSI = P->getTypeSourceInfo();
  if (!TSI)
    return {};
  SourceLocation End = TSI->getTypeLoc().getEndLoc();
  if (End.isInvalid() || End.isMacroID())
    return {};
  return Lexer::getLocForEndOfToken(End, 0, Ctx.getSourceManager(),
                                    Ctx.getLangOpts());
}

} // namespace

void UnobservedTokenCheck::registerMatchers(MatchFinder *Finder) {
  registerBodyMatchers(Finder);
}

void UnobservedTokenCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  auto B = bodyOf(Result, /*SkipSystemHeaders=*/true);
  if (!B)
    return;
  auto Tokens = receivedTokensOf(*B, Ctx);
  if (!Tokens.empty())
    checkReceiver(Tokens, B->Lambda, B->Body, Ctx);
  else if (B->Lambda)
    checkStopThreadCallable(B->Lambda, Ctx);
}

void UnobservedTokenCheck::checkReceiver(
    llvm::ArrayRef<ReceivedToken> AllTokens, const LambdaExpr *Lambda,
    const Stmt *Body, ASTContext &Ctx) {
  llvm::SmallVector<ReceivedToken, 2> Tokens;
  for (const ReceivedToken &T : AllTokens)
    if (T.observable())
      Tokens.push_back(T);
  if (Tokens.empty())
    return;
  auto Loops = unboundedLoops(Body, Ctx);
  if (Loops.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const ParentIndex &Parents = parents(Ctx);
  ValueUses Uses(Parents, Body);
  if (Uses.hasErrors())
    return;
  llvm::SmallVector<std::unique_ptr<TokenUses>, 2> Held;
  for (const ReceivedToken &T : Tokens)
    Held.push_back(std::make_unique<TokenUses>(T, Uses, model(), Ctx));

  auto Observed = [&](const Stmt *Loop) {
    for (const auto &U : Held)
      if (U->observedIn(Loop) || U->wakerOfCallsIn(Loop))
        return true;
    // A loop that tests what a call returns once the request is cancelled
    // (gRPC's server stream Read and Write) ends on the cancel.
    llvm::SmallVector<const CallExpr *, 8> Calls;
    collectMemberCalls(Loop, Calls);
    for (const CallExpr *Call : Calls)
      if (model().returnsFalseOnceCancelled(Call, Ctx) &&
          decidesLoop(Call, Loop, Uses))
        return true;
    return false;
  };

  llvm::SmallVector<std::pair<const Stmt *, LoopShape>, 4> Reported;
  for (const auto &[Loop, Shape] : Loops)
    if (!inSystemCode(keywordOf(Loop), SM) && !Observed(Loop))
      Reported.push_back({Loop, Shape});
  if (Reported.empty())
    return;

  // The token the fix asks: the first one with a name the loop can see and a
  // query the model knows. An unnamed parameter of a lambda is named by the
  // fix when only one loop needs it.
  const ReceivedToken *FixToken = nullptr;
  std::string FixName;
  const ParmVarDecl *ToName = nullptr;
  SourceLocation NameAt;
  for (const ReceivedToken &T : Tokens) {
    std::string Name = T.name();
    if (Name.empty()) {
      const auto *P = dyn_cast_or_null<ParmVarDecl>(T.Decl);
      if (!Lambda || !P || Reported.size() != 1 || !T.Info ||
          T.Info->ObserveCall.empty())
        continue;
      SourceLocation At = afterType(P, Ctx);
      if (At.isInvalid())
        continue;
      Name = freshName("stop", Body);
      ToName = P;
      NameAt = At;
    } else {
      // A local of the same name would hide the token from the loop.
      bool Hidden = llvm::any_of(Uses.topLevelVars(), [&](const VarDecl *V) {
        return V != T.Decl && V->getIdentifier() && V->getName() == Name;
      });
      if (Hidden)
        continue;
    }
    if (notCancelled(T, Name, model()).empty()) {
      ToName = nullptr;
      continue;
    }
    FixToken = &T;
    FixName = Name;
    break;
  }

  const ReceivedToken &First = Tokens.front();
  for (const auto &[Loop, Shape] : Reported) {
    std::string Name = First.name();
    {
      auto Diag =
          diag(keywordOf(Loop),
               Name.empty() ? "loop never observes its unnamed %select{stop "
                              "token|request context|cancel source}0; "
                              "%select{a stop request|cancelling the "
                              "request|a cancellation}0 cannot end it"
                            : "loop never observes %select{stop token|request "
                              "context|cancel source}0 '%1'; %select{a stop "
                              "request|cancelling the request|a "
                              "cancellation}0 cannot end it")
          << receivedNounIndex(First.Info) << Name;
      if (FixToken) {
        std::string Query = notCancelled(*FixToken, FixName, model());
        if (std::optional<FixItHint> Fix =
                conditionFix(Loop, Shape, Query, Ctx)) {
          Diag << *Fix;
          if (ToName)
            Diag << FixItHint::CreateInsertion(NameAt, " " + FixName);
        }
      }
    }
    for (const ReceivedToken &T : Tokens) {
      std::string TName = T.name();
      if (TName.empty())
        diag(T.Loc,
             "the unnamed %select{stop token|request context|cancel "
             "source}0 is received here",
             DiagnosticIDs::Note)
            << receivedNounIndex(T.Info);
      else
        diag(T.Loc,
             "%select{stop token|request context|cancel source}0 "
             "'%1' is received here",
             DiagnosticIDs::Note)
            << receivedNounIndex(T.Info) << TName;
    }
  }
}

void UnobservedTokenCheck::checkStopThreadCallable(const LambdaExpr *Lambda,
                                                   ASTContext &Ctx) {
  const Stmt *Body = Lambda->getBody();
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const Stmt *, 4> Endless;
  for (const auto &[Loop, Shape] : unboundedLoops(Body, Ctx))
    if (Shape == LoopShape::ConstantTrue && !mayEndFromInside(Loop) &&
        !inSystemCode(keywordOf(Loop), SM))
      Endless.push_back(Loop);
  if (Endless.empty())
    return;
  const ParentIndex &Parents = parents(Ctx);
  const Expr *Thread = stopThreadStartedWith(Lambda, Parents, model(), Ctx);
  if (!Thread)
    return;
  ValueUses Uses(Parents, Body);
  if (Uses.hasErrors())
    return;

  // The fix gives a lambda with no parameters a std::stop_token parameter
  // and asks it in the loop's condition: only for a lambda handed to the
  // thread directly (a named one may be called elsewhere) and one loop.
  const CXXMethodDecl *Op = Lambda->getCallOperator();
  SourceLocation ParameterAt;
  std::string ParameterText;
  std::string Name = freshName("stop", Body);
  if (Endless.size() == 1 && Op->getNumParams() == 0 &&
      !Lambda->getTemplateParameterList() &&
      climb(Lambda, Parents).Parent.get<Expr>() == Thread) {
    if (Lambda->hasExplicitParameters()) {
      if (const TypeSourceInfo *TSI = Op->getTypeSourceInfo())
        if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>())
          ParameterAt = FTL.getRParenLoc();
      ParameterText = "std::stop_token " + Name;
    } else {
      SourceLocation Bracket = Lambda->getIntroducerRange().getEnd();
      if (Bracket.isValid() && !Bracket.isMacroID())
        ParameterAt =
            Lexer::getLocForEndOfToken(Bracket, 0, SM, Ctx.getLangOpts());
      ParameterText = "(std::stop_token " + Name + ")";
    }
    if (ParameterAt.isMacroID())
      ParameterAt = SourceLocation();
  }

  for (const Stmt *Loop : Endless) {
    {
      auto Diag = diag(keywordOf(Loop),
                       "loop never observes a stop token; the 'std::jthread' "
                       "destructor will request stop and then wait for this "
                       "loop forever");
      if (ParameterAt.isValid())
        if (std::optional<FixItHint> Fix =
                conditionFix(Loop, LoopShape::ConstantTrue,
                             "!" + Name + ".stop_requested()", Ctx))
          Diag << *Fix
               << FixItHint::CreateInsertion(ParameterAt, ParameterText);
    }
    diag(Thread->getBeginLoc(), "the thread is started here",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::ctx
