//===--- ReceivedTokens.cpp - ctx-tidy ------------------------------------===//

#include "lib/ReceivedTokens.h"
#include "lib/ExprShapes.h"
#include "lib/LoopShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::ctx {

bool ReceivedToken::observable() const {
  return !(Info && Info->Role == ContextRole::RequestContext &&
           Info->ObserveCall.empty());
}

std::string ReceivedToken::name() const {
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(Decl))
    if (const IdentifierInfo *II = ND->getIdentifier())
      return II->getName().str();
  return "";
}

bool holdsReceivableToken(QualType T, const ContextModel &Model,
                          const ASTContext &Ctx, const ContextTypeInfo *&Info,
                          bool &ThroughPointer, bool *ThroughOptional) {
  Info = nullptr;
  ThroughPointer = false;
  if (ThroughOptional)
    *ThroughOptional = false;
  if (T.isNull())
    return false;
  // std::optional<std::reference_wrapper<S>>: only a source that is its own
  // token is received that way.
  if (QualType Target = optionalReferenceTarget(T); !Target.isNull()) {
    const ContextTypeInfo *I = Model.classify(Target, Ctx);
    if (!I || I->Role != ContextRole::CancelSource || !I->TokenIsSelf)
      return false;
    Info = I;
    if (ThroughOptional)
      *ThroughOptional = true;
    return true;
  }
  bool Indirect = T->isReferenceType();
  T = T.getNonReferenceType();
  if (T->isPointerType()) {
    T = T->getPointeeType();
    ThroughPointer = Indirect = true;
  }
  const ContextTypeInfo *I = Model.classify(T, Ctx);
  if (!I)
    return false;
  bool Receivable = false;
  switch (I->Role) {
  case ContextRole::Token:
    Receivable = true;
    break;
  case ContextRole::CancelSource:
    // Only a source whose object is its own token, and only when it is not
    // a local object of the callable.
    Receivable = I->TokenIsSelf && Indirect;
    break;
  case ContextRole::RequestContext:
    Receivable = Indirect;
    break;
  default:
    break;
  }
  if (Receivable)
    Info = I;
  return Receivable;
}

namespace {
void addParameters(const FunctionDecl *F, const ContextModel &Model,
                   const ASTContext &Ctx,
                   llvm::SmallVectorImpl<ReceivedToken> &Out) {
  if (!F)
    return;
  for (const ParmVarDecl *P : F->parameters()) {
    ReceivedToken R;
    if (!holdsReceivableToken(P->getType(), Model, Ctx, R.Info,
                              R.ThroughPointer, &R.ThroughOptional))
      continue;
    R.Decl = P;
    R.Via = ReceivedVia::Parameter;
    // An unnamed parameter's location is where its name would be, after the
    // type: point at the type instead.
    R.Loc = P->getIdentifier() && P->getLocation().isValid() ? P->getLocation()
                                                             : P->getBeginLoc();
    Out.push_back(R);
  }
}
} // namespace

llvm::SmallVector<ReceivedToken, 2> receivedTokens(const FunctionDecl *F,
                                                   const ContextModel &Model,
                                                   const ASTContext &Ctx) {
  llvm::SmallVector<ReceivedToken, 2> Out;
  addParameters(F, Model, Ctx, Out);
  return Out;
}

llvm::SmallVector<ReceivedToken, 2> receivedTokens(const LambdaExpr *L,
                                                   const ContextModel &Model,
                                                   const ASTContext &Ctx) {
  llvm::SmallVector<ReceivedToken, 2> Out;
  if (!L)
    return Out;
  addParameters(L->getCallOperator(), Model, Ctx, Out);
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *V = C.getCapturedVar();
    if (!V)
      continue;
    ReceivedToken R;
    if (!holdsReceivableToken(V->getType(), Model, Ctx, R.Info,
                              R.ThroughPointer, &R.ThroughOptional)) {
      // A local source that is its own token, or a request context, is
      // received when the lambda holds it by reference.
      const ContextTypeInfo *I = Model.classify(V->getType(), Ctx);
      if (!I || C.getCaptureKind() != LCK_ByRef ||
          !((I->Role == ContextRole::CancelSource && I->TokenIsSelf) ||
            I->Role == ContextRole::RequestContext))
        continue;
      R.Info = I;
    }
    R.Decl = V;
    R.Via = ReceivedVia::Capture;
    R.Lambda = L;
    R.Capture = &C;
    R.Loc = C.getLocation();
    Out.push_back(R);
  }
  return Out;
}

bool acceptsToken(QualType Param, const ReceivedToken &Token,
                  const ASTContext &Ctx) {
  if (Param.isNull() || !Token.Decl || !Token.Info)
    return false;
  QualType Held = Token.Decl->getType();
  if (Held.isNull() || Held->isDependentType() || Param->isDependentType())
    return false;
  // An optional reference is accepted by the same optional reference only.
  if (Token.ThroughOptional) {
    if (Param->isRValueReferenceType() ||
        (Param->isLValueReferenceType() &&
         !Param.getNonReferenceType().isConstQualified()))
      return false;
    QualType Want = optionalReferenceTarget(Param);
    QualType Have = optionalReferenceTarget(Held);
    return !Want.isNull() && !Have.isNull() &&
           Ctx.hasSameType(Want.getCanonicalType(), Have.getCanonicalType());
  }
  // The object the name designates, and whether it may be bound to a
  // non-const reference.
  bool Pointer = Token.ThroughPointer;
  QualType Object = Held.getNonReferenceType();
  bool ConstName = Object.isConstQualified();
  if (Pointer) {
    if (!Object->isPointerType())
      return false;
    Object = Object->getPointeeType();
  }
  // A capture by copy is const inside a lambda that is not mutable.
  if (Token.Via == ReceivedVia::Capture && Token.Lambda && Token.Capture &&
      Token.Capture->getCaptureKind() == LCK_ByCopy &&
      !Token.Lambda->isMutable())
    ConstName = true;
  const CXXRecordDecl *Have = Object->getAsCXXRecordDecl();
  if (!Have)
    return false;

  auto SameOrBase = [&](QualType T) {
    const CXXRecordDecl *Want = T->getAsCXXRecordDecl();
    if (!Want)
      return false;
    if (Want->getCanonicalDecl() == Have->getCanonicalDecl())
      return true;
    const CXXRecordDecl *Def = Have->getDefinition();
    return Def && Def->isDerivedFrom(Want);
  };

  if (Pointer) {
    QualType P = Param.getNonReferenceType();
    if (Param->isRValueReferenceType() || !P->isPointerType())
      return false;
    if (Param->isLValueReferenceType() && !P.isConstQualified())
      return false;
    QualType Pointee = P->getPointeeType();
    if (Object.isConstQualified() && !Pointee.isConstQualified())
      return false;
    return SameOrBase(Pointee);
  }
  if (Param->isPointerType() || Param->isRValueReferenceType())
    return false;
  if (const auto *Ref = Param->getAs<LValueReferenceType>()) {
    QualType To = Ref->getPointeeType();
    if (!To.isConstQualified() && ConstName)
      return false;
    return SameOrBase(To);
  }
  return Token.Info->Copy != CopySemantics::NotCopyable && SameOrBase(Param);
}

std::string tokenArgumentFor(QualType Param, const ReceivedToken &Token,
                             const ContextModel &Model, const ASTContext &Ctx) {
  std::string Name = Token.name();
  if (Param.isNull() || Name.empty() || !Token.Info || Param->isDependentType())
    return "";
  // The parameter as it is: it takes the token the way it is held.
  if (acceptsToken(Param, Token, Ctx))
    return Name;
  // Only a token held by reference (or as a local object captured by
  // reference) converts; a pointer or an optional may hold nothing.
  if (Token.ThroughPointer || Token.ThroughOptional || !Token.Decl)
    return "";
  if (Token.Info->Role != ContextRole::CancelSource || !Token.Info->TokenIsSelf)
    return "";
  QualType Object = Token.Decl->getType().getNonReferenceType();
  bool ConstName = Object.isConstQualified();
  if (Token.Via == ReceivedVia::Capture && Token.Lambda && Token.Capture &&
      Token.Capture->getCaptureKind() == LCK_ByCopy &&
      !Token.Lambda->isMutable())
    ConstName = true;
  // What the parameter points or refers to, and the spelling for it.
  QualType Target;
  std::string Spelled;
  QualType P = Param.getNonReferenceType();
  if (Param->isRValueReferenceType() ||
      (Param->isLValueReferenceType() && !P.isConstQualified()))
    return ""; // Binds an lvalue of the very type only; not a conversion.
  if (P->isPointerType()) {
    Target = P->getPointeeType();
    Spelled = "&" + Name;
  } else if (QualType T = optionalReferenceTarget(P); !T.isNull()) {
    Target = T;
    Spelled = (T.isConstQualified() ? "std::cref(" : "std::ref(") + Name + ")";
  } else {
    return "";
  }
  if (ConstName && !Target.isConstQualified())
    return "";
  const ContextTypeInfo *Want = Model.classify(Target, Ctx);
  if (Want != Token.Info)
    return "";
  const CXXRecordDecl *Have = Object->getAsCXXRecordDecl();
  const CXXRecordDecl *To = Target->getAsCXXRecordDecl();
  if (!Have || !To || Have->getCanonicalDecl() != To->getCanonicalDecl())
    return "";
  return Spelled;
}

namespace {
/// The type of the elements of the container type \p T: the first template
/// argument of a class template specialization.
QualType elementTypeOf(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return QualType();
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  return Arg.getKind() == TemplateArgument::Type ? Arg.getAsType() : QualType();
}

bool isStopThread(QualType T, const ContextModel &Model,
                  const ASTContext &Ctx) {
  const ContextTypeInfo *I = Model.classify(T, Ctx);
  return I && I->Role == ContextRole::Thread;
}

/// The thread started with the callable value \p E as its first argument.
const Expr *threadStartedWithValue(const Expr *E, const ParentIndex &Parents,
                                   const ContextModel &Model,
                                   const ASTContext &Ctx) {
  Climbed Up = climb(E, Parents);
  const auto *User = Up.Parent.get<Expr>();
  if (!User)
    return nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(User))
    return Construct->getNumArgs() > 0 && Construct->getArg(0) == Up.Top &&
                   isStopThread(Construct->getType(), Model, Ctx)
               ? Construct
               : nullptr;
  if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(User))
    return U->getNumArgs() > 0 && U->getArg(0) == Up.Top &&
                   isStopThread(U->getTypeAsWritten(), Model, Ctx)
               ? U
               : nullptr;
  // threads.emplace_back(L) on a container of such threads.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(User)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (!M || !M->getIdentifier() || !M->getName().starts_with("emplace") ||
        Call->getNumArgs() == 0 || Call->getArg(0) != Up.Top)
      return nullptr;
    const Expr *Object = Call->getImplicitObjectArgument();
    QualType ObjectType = Object ? Object->getType() : QualType();
    if (!ObjectType.isNull() && ObjectType->isPointerType())
      ObjectType = ObjectType->getPointeeType();
    return isStopThread(elementTypeOf(ObjectType), Model, Ctx) ? Call : nullptr;
  }
  return nullptr;
}
} // namespace

const Expr *stopThreadStartedWith(const LambdaExpr *Callable,
                                  const ParentIndex &Parents,
                                  const ContextModel &Model,
                                  const ASTContext &Ctx) {
  if (!Callable)
    return nullptr;
  if (const Expr *T = threadStartedWithValue(Callable, Parents, Model, Ctx))
    return T;
  // `auto body = [...] {...}; std::jthread t(body);`
  Climbed Up = climb(Callable, Parents);
  const auto *V = Up.Parent.get<VarDecl>();
  if (!V || !V->hasLocalStorage())
    return nullptr;
  auto [Fn, Body] = Parents.enclosingBody(*Callable);
  if (!Body)
    return nullptr;
  ValueUses Uses(Parents, Body);
  for (const DeclRefExpr *R : Uses.refsTo(V))
    if (const Expr *T = threadStartedWithValue(R, Parents, Model, Ctx))
      return T;
  return nullptr;
}

bool isStopCallbackCallable(const LambdaExpr *Callable,
                            const ParentIndex &Parents,
                            const ContextModel &Model, const ASTContext &Ctx) {
  if (!Callable)
    return false;
  bool IsObject = false;
  Climbed Up = climb(Callable, Parents);
  const auto *User = Up.Parent.get<Expr>();
  QualType Type;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(User))
    Type = Construct->getType();
  else if (const auto *U = dyn_cast_or_null<CXXUnresolvedConstructExpr>(User))
    Type = U->getTypeAsWritten();
  else
    return false;
  const ContextTypeInfo *I = Model.classify(Type, Ctx);
  if (!I || I->Role != ContextRole::StopCallback)
    return false;
  // The callable is an argument after the token.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(User)) {
    auto Param = parameterOf(Construct, Up.Top, IsObject);
    return Param && Param->second >= 1;
  }
  const auto *U = cast<CXXUnresolvedConstructExpr>(User);
  for (unsigned I = 1; I < U->getNumArgs(); ++I)
    if (U->getArg(I) == Up.Top)
      return true;
  return false;
}

bool isWithin(const Stmt *Inner, const Stmt *Outer,
              const ParentIndex &Parents) {
  if (!Inner || !Outer)
    return false;
  DynTypedNode N = DynTypedNode::create(*Inner);
  for (unsigned Steps = 0; Steps < MaxClimb; ++Steps) {
    if (N.get<Stmt>() == Outer)
      return true;
    N = Parents.parentOf(N);
    if (N.getNodeKind().isNone())
      return false;
  }
  return false;
}

TokenUses::TokenUses(const ReceivedToken &Token, const ValueUses &Body,
                     const ContextModel &Model, const ASTContext &Ctx)
    : Token(Token), Body(Body), Model(Model), Ctx(Ctx) {
  if (Token.Decl)
    collect(Token.Decl);
}

namespace {
/// Looks through parentheses, implicit casts and a dereference.
const Expr *stripToReference(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_Deref)
      return E;
    E = UO->getSubExpr();
  }
  return E;
}
} // namespace

bool TokenUses::isToken(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripToReference(E));
  return DRE && holds(DRE->getDecl());
}

void TokenUses::collect(const ValueDecl *D) {
  if (!HolderSet.insert(D).second)
    return;
  Holders.push_back(D);
  for (const DeclRefExpr *Ref : Body.refsTo(D)) {
    TokenUse TU;
    TU.Ref = Ref;
    TU.What = Body.classify(Ref);
    // `&as` and `*ctx` pass the token on in another form: what happens to
    // the address or the object is what happens to the token.
    for (unsigned Step = 0; Step < 2; ++Step) {
      const auto *UO = dyn_cast_or_null<UnaryOperator>(TU.What.User);
      if (!UO || (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref))
        break;
      TU.What = Body.classify(UO);
    }
    const Use &U = TU.What;
    switch (U.Kind) {
    case UseKind::MemberCall:
      TU.Kind = TokenUseKind::Asked;
      break;
    case UseKind::Argument: {
      TU.Kind = TokenUseKind::HandedOn;
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(U.Call);
      const ContextTypeInfo *I =
          Construct ? Model.classify(Construct->getType(), Ctx) : nullptr;
      if (I && I->Role == ContextRole::StopCallback && U.ParamIndex &&
          *U.ParamIndex == 0) {
        TU.Kind = TokenUseKind::Registered;
        TokenRegistration R;
        R.Registering = Construct;
        R.Variable = climb(Construct, Body.parents()).Parent.get<VarDecl>();
        if (Construct->getNumArgs() > 1)
          R.Callable = Construct->getArg(1);
        Registrations.push_back(R);
      }
      break;
    }
    case UseKind::Stored:
    case UseKind::Captured:
    case UseKind::InitCapture:
      TU.Kind = TokenUseKind::HandedOn;
      break;
    case UseKind::Initializes:
    case UseKind::AssignedFrom: {
      // A local of a token type made from the token is a copy (or, for a
      // reference, another name); any other object built from it holds it.
      const VarDecl *V = U.Variable;
      const ContextTypeInfo *I = nullptr;
      bool Pointer = false;
      bool TokenTyped =
          V && (holdsReceivableToken(V->getType(), Model, Ctx, I, Pointer) ||
                Model.classify(V->getType(), Ctx) == Token.Info);
      if (TokenTyped && !V->hasGlobalStorage()) {
        TU.Kind = TokenUseKind::Copied;
        Uses.push_back(TU);
        collect(V);
        continue;
      }
      TU.Kind = U.Kind == UseKind::Initializes ? TokenUseKind::HandedOn
                                               : TokenUseKind::Other;
      break;
    }
    default:
      TU.Kind = TokenUseKind::Other;
      break;
    }
    Uses.push_back(TU);
  }
}

bool TokenUses::observedIn(const Stmt *S) const {
  for (const TokenUse &U : Uses)
    if ((U.Kind == TokenUseKind::Asked || U.Kind == TokenUseKind::HandedOn ||
         U.Kind == TokenUseKind::Registered) &&
        isWithin(U.Ref, S, Body.parents()))
      return true;
  return false;
}

namespace {
/// How deep a callable's body is searched for member calls; deeper calls are
/// not seen (no registration is taken to wake them: the safe answer).
constexpr unsigned MaxCallDepth = 64;

/// The objects of the member calls under \p S; nested lambdas are left out
/// when \p IntoLambdas is false.
void memberCallObjects(const Stmt *S, bool IntoLambdas,
                       llvm::SmallVectorImpl<const Expr *> &Out,
                       unsigned Depth = 0) {
  if (!S || Depth > MaxCallDepth)
    return;
  if (!IntoLambdas && isa<LambdaExpr>(S))
    return;
  if (const Expr *O = memberCallObject(S))
    Out.push_back(O);
  for (const Stmt *Child : S->children())
    memberCallObjects(Child, IntoLambdas, Out, Depth + 1);
}

/// True if code in \p S calls a member function on \p Object; lambdas
/// inside \p S count (they run as part of it).
bool callsMemberOn(const Stmt *S, const Expr *Object, unsigned Depth = 0) {
  if (!S || Depth > MaxClimb)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const Expr *Callee = Call->getCallee();
    Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
    const Expr *Base = nullptr;
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
      Base = ME->getBase();
    else if (const auto *DME =
                 dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
      Base = DME->isImplicitAccess() ? nullptr : DME->getBase();
    if (Base && designatesSameObject(Base, Object))
      return true;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    return callsMemberOn(L->getBody(), Object, Depth + 1);
  for (const Stmt *Child : S->children())
    if (callsMemberOn(Child, Object, Depth + 1))
      return true;
  return false;
}

/// The body of the callable \p E: a lambda, or a local variable initialized
/// with one (`auto wake = [&] { cv.notify_all(); };`).
const Stmt *callableBody(const Expr *E) {
  E = E ? ignoreCopies(E) : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasLocalStorage() && V->getInit())
        E = ignoreCopies(V->getInit());
  const auto *L = dyn_cast_or_null<LambdaExpr>(E);
  return L ? L->getBody() : nullptr;
}
} // namespace

const Expr *memberCallObject(const Stmt *S) {
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(S)) {
    const Expr *O = MC->getImplicitObjectArgument();
    return O && !isa<CXXThisExpr>(O->IgnoreParenImpCasts()) ? O : nullptr;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return nullptr;
  const Expr *Callee = Call->getCallee();
  Callee = Callee ? Callee->IgnoreParenImpCasts() : nullptr;
  const Expr *Base = nullptr;
  if (const auto *D = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee))
    Base = D->isImplicitAccess() ? nullptr : D->getBase();
  else if (const auto *U = dyn_cast_or_null<UnresolvedMemberExpr>(Callee))
    Base = U->isImplicitAccess() ? nullptr : U->getBase();
  if (!Base || isa<CXXThisExpr>(Base->IgnoreParenImpCasts()))
    return nullptr;
  return Base;
}

const TokenRegistration *TokenUses::wakeUpFor(const Expr *Object,
                                              const Stmt *At) const {
  if (!Object || !At)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  const ParentIndex &Parents = Body.parents();
  for (const TokenRegistration &R : Registrations) {
    // A temporary registration ends with its statement.
    if (!R.Variable || !R.Callable)
      continue;
    if (!SM.isBeforeInTranslationUnit(R.Variable->getLocation(),
                                      At->getBeginLoc()))
      continue;
    // The statement the registration's declaration is in holds the call:
    // the registration is still alive there.
    DynTypedNode Decl = Parents.parentOf(DynTypedNode::create(*R.Variable));
    const auto *DS = Decl.get<DeclStmt>();
    const Stmt *Scope =
        DS ? Parents.parentOf(DynTypedNode::create(*DS)).get<Stmt>() : nullptr;
    if (!Scope || !isWithin(At, Scope, Parents))
      continue;
    if (callsMemberOn(callableBody(R.Callable), Object))
      return &R;
  }
  return nullptr;
}

const TokenRegistration *TokenUses::wakerOfCallsIn(const Stmt *S) const {
  if (Registrations.empty() || !S)
    return nullptr;
  llvm::SmallVector<const Expr *, 8> Objects;
  memberCallObjects(S, /*IntoLambdas=*/false, Objects);
  for (const Expr *O : Objects)
    if (const TokenRegistration *R = wakeUpFor(O, S))
      return R;
  return nullptr;
}

bool TokenUses::observedByLoopAround(const Stmt *S,
                                     const ASTContext &Ctx) const {
  for (const Stmt *Loop : enclosingLoops(S, Body.body(), Body.parents())) {
    LoopShape Shape = loopShapeOf(Loop, Ctx);
    if (Shape == LoopShape::Range || Shape == LoopShape::Counted ||
        Shape == LoopShape::ConstantFalse || Shape == LoopShape::Once)
      continue;
    return observedIn(Loop);
  }
  return false;
}

} // namespace clang::tidy::ctx
