//===--- ReceivedTokens.cpp - ctx-tidy ------------------------------------===//

#include "lib/ReceivedTokens.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "lib/ExprShapes.h"

namespace clang::tidy::ctx {

std::string ReceivedToken::name() const {
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(Decl))
    if (const IdentifierInfo *II = ND->getIdentifier())
      return II->getName().str();
  return "";
}

bool holdsReceivableToken(QualType T, const ContextModel &Model,
                          const ASTContext &Ctx, const ContextTypeInfo *&Info,
                          bool &ThroughPointer) {
  Info = nullptr;
  ThroughPointer = false;
  if (T.isNull())
    return false;
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
                              R.ThroughPointer))
      continue;
    R.Decl = P;
    R.Via = ReceivedVia::Parameter;
    // An unnamed parameter's location is where its name would be, after the
    // type: point at the type instead.
    R.Loc = P->getIdentifier() && P->getLocation().isValid()
                ? P->getLocation()
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
                              R.ThroughPointer)) {
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

/// Looks through parentheses, implicit casts, `*` and `&`.
const Expr *objectExpr(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf))
      return E;
    E = UO->getSubExpr();
  }
  return E;
}

bool sameObjectAt(const Expr *A, const Expr *B, unsigned Depth) {
  A = objectExpr(A);
  B = objectExpr(B);
  if (!A || !B || Depth > 8)
    return false;
  if (isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B))
    return true;
  const auto *RA = dyn_cast<DeclRefExpr>(A);
  const auto *RB = dyn_cast<DeclRefExpr>(B);
  if (RA && RB)
    return RA->getDecl()->getCanonicalDecl() ==
           RB->getDecl()->getCanonicalDecl();
  const auto *MA = dyn_cast<MemberExpr>(A);
  const auto *MB = dyn_cast<MemberExpr>(B);
  if (MA && MB)
    return MA->getMemberDecl()->getCanonicalDecl() ==
               MB->getMemberDecl()->getCanonicalDecl() &&
           sameObjectAt(MA->getBase(), MB->getBase(), Depth + 1);
  return false;
}

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

/// The body a stop callback runs: the lambda given to the registration, or
/// the lambda a local variable given to it was initialized with.
const Stmt *callbackBody(const Expr *Callable) {
  const Expr *E = ignoreCopies(Callable);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->hasLocalStorage() && !V->getType()->isReferenceType() &&
          V->getInit())
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

bool sameObject(const Expr *A, const Expr *B) {
  return sameObjectAt(A, B, 0);
}

const TokenRegistration *TokenUses::wakerOf(const Expr *Object,
                                            const Stmt *At) const {
  if (!Object || !At)
    return nullptr;
  const ParentIndex &Parents = Body.parents();
  const SourceManager &SM = Ctx.getSourceManager();
  for (const TokenRegistration &R : Registrations) {
    if (!R.Variable || !R.Callable)
      continue;
    // Alive throughout At: declared by a statement of a block that holds At,
    // before it.
    DynTypedNodeList DeclParents = Parents.parents(*R.Variable);
    const auto *Declaring =
        DeclParents.empty() ? nullptr : DeclParents[0].get<DeclStmt>();
    if (!Declaring)
      continue;
    DynTypedNodeList BlockParents = Parents.parents(*Declaring);
    const auto *Block =
        BlockParents.empty() ? nullptr : BlockParents[0].get<CompoundStmt>();
    if (!Block || !isWithin(At, Block, Parents) || isWithin(At, Declaring, Parents) ||
        !SM.isBeforeInTranslationUnit(Declaring->getEndLoc(),
                                      At->getBeginLoc()))
      continue;
    llvm::SmallVector<const Expr *, 4> Woken;
    memberCallObjects(callbackBody(R.Callable), /*IntoLambdas=*/true, Woken);
    for (const Expr *W : Woken)
      if (sameObject(W, Object))
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
    if (const TokenRegistration *R = wakerOf(O, S))
      return R;
  return nullptr;
}

} // namespace clang::tidy::ctx
