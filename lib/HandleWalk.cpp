//===--- HandleWalk.cpp - ctx-tidy ----------------------------------------===//

#include "lib/HandleWalk.h"
#include "lib/ExprShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

namespace {

/// How many lambdas and aliases deep a handle is followed. Each level is a
/// lambda that holds the handle or a local it was copied into; real code
/// nests a few.
constexpr unsigned MaxWalkDepth = 12;

/// How far up an initializer a scope guard's variable is looked for: the
/// callable of a guard sits a few expressions below it.
constexpr unsigned MaxGuardClimb = 64;

/// How deep a callee's body is searched for a lambda that cancels a copy of
/// its parameter.
constexpr unsigned MaxCalleeNesting = 64;

bool isTokenCarry(Carry C) {
  return C == Carry::Token || C == Carry::TokenCarrier ||
         C == Carry::TokenStarter;
}

/// A callable that carries the handle or its token.
bool isCallableCarry(Carry C) {
  return C == Carry::Canceller || C == Carry::TokenStarter ||
         C == Carry::TokenCarrier || C == Carry::HandleCarrier;
}

/// True if \p PE only wraps the callable \p Arg into another callable that
/// runs it: a function wrapper built from it (std::function, folly::Function,
/// a library's own FnOnce: a class with an operator() whose constructor
/// takes the callable), or a binder given it as the callable to run
/// (`std::bind(worker, i)`). The result carries what the callable carries.
bool wrapsCallable(const Expr *PE, const Expr *Arg) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(PE)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    return Ctor && !Ctor->isCopyOrMoveConstructor() && CE->getNumArgs() > 0 &&
           CE->getArg(0) == Arg && isCallableType(CE->getType());
  }
  const auto *Call = dyn_cast<CallExpr>(PE);
  return Call && isCallableBinder(Call) && Call->getArg(0) == Arg;
}

/// A member function that keeps what it is given: a constructor, a
/// subscript, and the names containers and holders use.
bool isStoringMethod(const FunctionDecl *F) {
  if (!F)
    return false;
  if (isa<CXXConstructorDecl>(F))
    return true;
  if (!F->getIdentifier())
    return F->getOverloadedOperator() == OO_Subscript;
  static const llvm::StringSet<> Names = {"push_back",    "emplace_back",
                                          "push_front",   "emplace_front",
                                          "insert",       "emplace",
                                          "emplace_hint", "push",
                                          "try_emplace",  "insert_or_assign",
                                          "assign",       "store",
                                          "set",          "add"};
  return Names.contains(F->getName());
}

/// The outcome for a value of kind \p C that escapes at \p Where (passed to
/// a call, returned, stored).
void escape(Carry C, const Stmt *Where, Settlement How, bool ToSyncCall,
            llvm::SmallVectorImpl<Event> &Out) {
  switch (C) {
  case Carry::TokenStarter:
    // It hands the token on itself, whoever runs it.
    Out.push_back({EventKind::Start, Where});
    return;
  case Carry::Token:
  case Carry::TokenCarrier:
    if (ToSyncCall)
      Out.push_back({EventKind::Observe, Where});
    else
      Out.push_back({EventKind::Start, Where});
    return;
  case Carry::Canceller:
    Out.push_back(
        {EventKind::Settle, Where, How, nullptr,
         !ToSyncCall && (How == Settlement::Pass || How == Settlement::Store)});
    return;
  case Carry::Handle:
  case Carry::HandleCarrier:
    Out.push_back({EventKind::Settle, Where, How});
    return;
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// CancelBody
//===----------------------------------------------------------------------===//

CancelBody::CancelBody(const ContextModel &Model,
                       const FunctionNameSet &Synchronous,
                       const ParentIndex &Parents, const Stmt *Body)
    : Model(Model), Synchronous(Synchronous), Parents(Parents),
      Ctx(Parents.context()), Body(Body), Uses(Parents, Body), Ends(Uses) {}

const VarDecl *CancelBody::guardInitializedBy(const Expr *E) const {
  DynTypedNode Cur = DynTypedNode::create(*E);
  for (unsigned Step = 0; Step < MaxGuardClimb; ++Step) {
    DynTypedNode P = Parents.parentOf(Cur);
    if (P.get<Expr>()) {
      Cur = P;
      continue;
    }
    const auto *V = P.get<VarDecl>();
    if (!V || !Uses.isLocalVar(V))
      return nullptr;
    const ContextTypeInfo *I = Model.classify(V->getType(), Ctx);
    if (I && I->Role == ContextRole::ScopeGuard)
      return V;
    // A local object of a class with a user-written destructor, built from
    // a callable that cancels: a hand-written guard.
    if (V->getType()->isReferenceType())
      return nullptr;
    const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return nullptr;
    // Looked up by hand: in a template the destructor of a local class is
    // not found by name.
    for (const CXXMethodDecl *M : RD->getDefinition()->methods())
      if (isa<CXXDestructorDecl>(M) && !M->isImplicit())
        return V;
    return nullptr;
  }
  return nullptr;
}

bool CancelBody::calleeKeepsCopyOf(const Use &U) {
  const FunctionDecl *Def = nullptr;
  if (!U.ParamIndex || !U.Callee || !U.Callee->hasBody(Def) || !Def ||
      *U.ParamIndex >= Def->getNumParams() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  const ParmVarDecl *P = Def->getParamDecl(*U.ParamIndex);
  auto [It, New] = KeepsCopy.try_emplace(P, false);
  if (New)
    It->second = cancelsCopyIn(Def->getBody(), P, 0);
  return It->second;
}

bool CancelBody::cancelsCopyIn(const Stmt *S, const ParmVarDecl *P,
                               unsigned Depth) const {
  if (!S || Depth > MaxCalleeNesting)
    return false;
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    for (const LambdaCapture &Cap : L->captures())
      if (Cap.capturesVariable() && Cap.getCapturedVar() == P &&
          Cap.getCaptureKind() == LCK_ByCopy &&
          callsCancelOn(L->getBody(), P, 0))
        return true;
  for (const Stmt *Child : S->children())
    if (cancelsCopyIn(Child, P, Depth + 1))
      return true;
  return false;
}

bool CancelBody::callsCancelOn(const Stmt *S, const ParmVarDecl *P,
                               unsigned Depth) const {
  if (!S || Depth > MaxCalleeNesting)
    return false;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (Model.isCancelMethod(Call->getMethodDecl(), Ctx) &&
        refersTo(Call->getImplicitObjectArgument(), P))
      return true;
  for (const Stmt *Child : S->children())
    if (callsCancelOn(Child, P, Depth + 1))
      return true;
  return false;
}

/// True if \p S refers to \p P.
static bool mentions(const Stmt *S, const ParmVarDecl *P) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == P;
  for (const Stmt *Child : S->children())
    if (mentions(Child, P))
      return true;
  return false;
}

bool CancelBody::constructsLocalRegistration(const Use &U) const {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(U.Call);
  const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(U.Callee);
  if (!CE || !Ctor || !U.ParamIndex)
    return false;
  Climbed Up = climb(CE, Parents);
  const auto *V = Up.Conditional ? nullptr : Up.Parent.get<VarDecl>();
  if (!V || !Uses.isLocalVar(V) || V->isStaticLocal())
    return false;
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || !Def ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  const auto *D = cast<CXXConstructorDecl>(Def);
  if (*U.ParamIndex >= D->getNumParams())
    return false;
  const ParmVarDecl *P = D->getParamDecl(*U.ParamIndex);
  if (mentions(D->getBody(), P))
    return false;
  bool Registers = false;
  for (const CXXCtorInitializer *Init : D->inits()) {
    if (!mentions(Init->getInit(), P))
      continue;
    const FieldDecl *F = Init->getMember();
    const ContextTypeInfo *I = F ? Model.classify(F->getType(), Ctx) : nullptr;
    if (!I || I->Role != ContextRole::StopCallback ||
        F->getType()->isReferenceType() || F->getType()->isPointerType())
      return false;
    Registers = true;
  }
  return Registers;
}

bool CancelBody::constructsEscapingObject(const Expr *Construct) const {
  Climbed Up = climb(Construct, Parents);
  if (Up.Parent.get<CXXNewExpr>())
    return true;
  if (const auto *V = Up.Parent.get<VarDecl>())
    return !Uses.isLocalVar(V) || V->isStaticLocal();
  return false;
}

const VarDecl *CancelBody::keptWorkStartedBy(const Expr *PE, const Expr *Arg,
                                             Carry C) {
  const VarDecl *V = nullptr;
  bool RunsArg = false;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(PE)) {
    // PPL's task constructors take the token as a task_options, which
    // converts from it: look at the task the options go to.
    if (hasLibraryRole(CE->getType(), LibraryRole::TaskOptions))
      if (const auto *Task = climb(CE, Parents).Parent.get<CXXConstructExpr>())
        CE = Task;
    QualType T = CE->getType();
    RunsArg = CE->getNumArgs() > 0 && CE->getArg(0) == Arg;
    bool Thread = hasLibraryRole(T, LibraryRole::Thread);
    if (Thread || hasLibraryRole(T, LibraryRole::Task)) {
      Climbed Up = climb(CE, Parents);
      V = Up.Conditional ? nullptr : Up.Parent.get<VarDecl>();
      if (!V && !Up.Conditional && Thread)
        if (const auto *Fill =
                dyn_cast_or_null<CXXMemberCallExpr>(Up.Parent.get<Expr>()))
          if (Fill->getNumArgs() > 0 && Fill->getArg(0) == Up.Top)
            V = Ends.threadContainerFilledBy(Fill);
    }
  } else if (const auto *Fill = dyn_cast<CXXMemberCallExpr>(PE)) {
    RunsArg = Fill->getNumArgs() > 0 && Fill->getArg(0) == Arg;
    V = Ends.threadContainerFilledBy(Fill);
  }
  if (!V || !Uses.isLocalVar(V) || V->isStaticLocal() ||
      V->getType()->isReferenceType())
    return nullptr;
  if (hasLibraryRole(V->getType(), LibraryRole::Task)
          ? C != Carry::Token
          : C != Carry::TokenCarrier || !RunsArg)
    return nullptr;
  return Ends.endsOf(V) ? V : nullptr;
}

//===----------------------------------------------------------------------===//
// HandleWalk
//===----------------------------------------------------------------------===//

llvm::SmallVector<Event, 16> HandleWalk::run() {
  llvm::SmallVector<Event, 16> Events;
  for (const DeclRefExpr *R : B.Uses.refsTo(H.Decl))
    walk(R, Carry::Handle, B.Body, Events);
  return Events;
}

void HandleWalk::addAlias(const ValueDecl *V, Carry C, const Stmt *Boundary,
                          llvm::SmallVectorImpl<Event> &Out) {
  if (!AliasSeen.insert({V, static_cast<int>(C)}).second ||
      Depth > MaxWalkDepth)
    return;
  ++Depth;
  for (const DeclRefExpr *R : B.Uses.refsTo(V))
    walk(R, C, Boundary, Out);
  --Depth;
}

/// The local pointer \p AddressOf (`&src`) initializes, when nothing can
/// point it elsewhere: it is never assigned, and neither its address nor a
/// non-const reference to it is taken. Null otherwise.
const ValueDecl *HandleWalk::pointerAliasOf(const Expr *AddressOf) const {
  Use Init = B.Uses.classify(AddressOf);
  if (Init.Kind != UseKind::Initializes || !Init.Variable ||
      !B.Uses.isLocalVar(Init.Variable) ||
      !Init.Variable->getType()->isPointerType())
    return nullptr;
  if (Init.Variable->getType().isConstQualified())
    return Init.Variable;
  for (const DeclRefExpr *R : B.Uses.refsTo(Init.Variable)) {
    Use U = B.Uses.classify(R);
    if (U.Kind == UseKind::AssignedTo || U.Kind == UseKind::AddressTaken ||
        (U.Kind == UseKind::Argument && U.passing() == Passing::ByReference) ||
        (U.Kind == UseKind::Initializes && U.Variable &&
         U.Variable->getType()->isReferenceType() &&
         !U.Variable->getType().getNonReferenceType().isConstQualified()))
      return nullptr;
  }
  return Init.Variable;
}

/// Token values that stay among locals: a comparison, or a swap with other
/// local variables (which then hold the token).
bool HandleWalk::staysLocal(const Expr *Call, const Expr *Top, Carry C,
                            const Stmt *Boundary,
                            llvm::SmallVectorImpl<Event> &Out) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (Op->isComparisonOp()) {
      Out.push_back({EventKind::Observe, Call});
      return true;
    }
  const FunctionDecl *F = calleeOf(Call);
  if (!F || !F->getIdentifier() || F->getName() != "swap")
    return false;
  llvm::SmallVector<const Expr *, 3> Operands;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Operands.push_back(MC->getImplicitObjectArgument());
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    Operands.append(CE->arg_begin(), CE->arg_end());
  llvm::SmallVector<const ValueDecl *, 2> Others;
  for (const Expr *O : Operands) {
    if (O == Top)
      continue;
    const auto *DRE = dyn_cast<DeclRefExpr>(O->IgnoreParenImpCasts());
    if (!DRE || !B.Uses.isLocalVar(DRE->getDecl()))
      return false;
    Others.push_back(DRE->getDecl());
  }
  Out.push_back({EventKind::Observe, Call});
  for (const ValueDecl *V : Others)
    addAlias(V, C, Boundary, Out);
  return true;
}

/// Follows the value \p E of kind \p C to where it ends up, recording events
/// into \p Out. \p Boundary is the body the events belong to.
void HandleWalk::walk(const Expr *E, Carry C, const Stmt *Boundary,
                      llvm::SmallVectorImpl<Event> &Out) {
  if (const LambdaExpr *L = enclosingLambda(E, Boundary, B.Parents)) {
    walkInLambda(E, C, L, Boundary, Out);
    return;
  }
  bool IsSource = H.HandleKind == CancelHandle::Source;
  bool Callable = C == Carry::Canceller || C == Carry::TokenStarter ||
                  C == Carry::TokenCarrier || C == Carry::HandleCarrier ||
                  (C == Carry::Handle && !IsSource);

  if (C == Carry::Canceller || (C == Carry::Handle && !IsSource))
    if (const VarDecl *G = B.guardInitializedBy(E)) {
      // The initializer is a CFG element; a declaration statement that
      // also declares a class is not (the CFG splits it).
      const auto *DS =
          B.Parents.parentOf(DynTypedNode::create(*G)).get<DeclStmt>();
      const Stmt *Where =
          G->getInit() ? static_cast<const Stmt *>(G->getInit()) : DS;
      if (Where)
        Out.push_back({EventKind::Settle, Where, Settlement::Guard, DS});
      return;
    }

  Use U = B.Uses.classify(E);
  const Expr *Top = U.Up.Top;

  // Moved into a local (or an init-capture): that local now holds it.
  if (U.Kind == UseKind::Initializes || U.Kind == UseKind::InitCapture) {
    if (B.Uses.isLocalVar(U.Variable) && !U.Variable->isStaticLocal())
      addAlias(U.Variable, C, Boundary, Out);
    else
      escape(C, Top, Settlement::Store, false, Out);
    return;
  }
  if (U.Up.Moved && C == Carry::Handle && !U.Up.Parent.get<ReturnStmt>()) {
    Out.push_back({EventKind::Settle, Top, Settlement::Move});
    return;
  }

  switch (U.Kind) {
  case UseKind::Initializes:
  case UseKind::InitCapture:
  case UseKind::MemberAccess:
  case UseKind::AssignedTo:
  case UseKind::Captured:
    return;
  case UseKind::Returned:
    escape(C, U.User, Settlement::Return, false, Out);
    return;
  case UseKind::MemberCall: {
    const auto *Call = cast<Expr>(U.User);
    if (C == Carry::Handle && IsSource) {
      if (B.Model.isCancelMethod(U.Method, B.Ctx))
        Out.push_back({EventKind::Settle, Call, Settlement::Cancel});
      else if (B.Model.isTokenMethod(U.Method, B.Ctx))
        walk(Call, Carry::Token, Boundary, Out);
      return;
    }
    if (C == Carry::Token && staysLocal(Call, Top, C, Boundary, Out))
      return;
    if (isTokenCarry(C))
      Out.push_back({EventKind::Observe, Call});
    return;
  }
  case UseKind::Invoked:
    if (!Callable) {
      if (isTokenCarry(C))
        Out.push_back({EventKind::Observe, U.User});
      return;
    }
    switch (C) {
    case Carry::Handle:
    case Carry::Canceller:
      Out.push_back({EventKind::Settle, U.User, Settlement::Cancel});
      break;
    case Carry::TokenStarter:
      Out.push_back({EventKind::Start, U.User});
      break;
    case Carry::HandleCarrier:
      Out.push_back({EventKind::Settle, U.User, Settlement::Pass});
      break;
    default:
      Out.push_back({EventKind::Observe, U.User});
      break;
    }
    return;
  case UseKind::AssignedFrom:
    if (U.Variable && B.Uses.isLocalVar(U.Variable)) {
      addAlias(U.Variable, C, Boundary, Out);
      return;
    }
    escape(C, U.User, Settlement::Store, false, Out);
    return;
  case UseKind::AddressTaken:
    // `T *const p = &src;`: a local pointer that keeps pointing at the
    // handle names it wherever it is used.
    if (const ValueDecl *P = pointerAliasOf(cast<Expr>(U.User))) {
      addAlias(P, C, Boundary, Out);
      return;
    }
    escape(C, U.User, Settlement::Pass,
           inSynchronousCall(U.User, B.Synchronous, B.Parents), Out);
    return;
  case UseKind::Stored:
    escape(C, U.User, Settlement::Store,
           inSynchronousCall(U.User, B.Synchronous, B.Parents), Out);
    return;
  case UseKind::Compared:
    if (!U.Call) {
      if (isTokenCarry(C))
        Out.push_back({EventKind::Observe, U.User});
      return;
    }
    walkArgument(U, C, Boundary, Out);
    return;
  case UseKind::Argument:
    walkArgument(U, C, Boundary, Out);
    return;
  case UseKind::Other:
    if (isTokenCarry(C))
      Out.push_back({EventKind::Observe, U.User ? U.User : Top});
    return;
  }
}

/// The value of kind \p C is passed to a call or a constructor (\p U).
void HandleWalk::walkArgument(const Use &U, Carry C, const Stmt *Boundary,
                              llvm::SmallVectorImpl<Event> &Out) {
  const Expr *PE = U.Call;
  const Expr *Top = U.Up.Top;
  bool ToSync = inSynchronousCall(PE, B.Synchronous, B.Parents);
  if (C == Carry::Handle && H.HandleKind == CancelHandle::Source) {
    if (H.Info && H.Info->TokenIsSelf && !U.Up.Copied && !U.Up.Moved) {
      // The object is its own token. Passed by reference to a call, it does
      // not leave: the callee cannot keep a reference to a local past this
      // function without dangling, and the work it runs with the object is
      // waited for by that call. Only an object that outlives the statement
      // and keeps the reference takes the token: one made with new, or a
      // non-local.
      if (isa<CXXConstructExpr>(PE) && B.constructsEscapingObject(PE))
        escape(Carry::Token, PE, Settlement::Pass, ToSync, Out);
      return;
    }
    // Converted into the return value: `return src;` into an optional.
    if (isa<CXXConstructExpr>(PE) &&
        climb(PE, B.Parents).Parent.get<ReturnStmt>()) {
      Out.push_back({EventKind::Settle, PE, Settlement::Return});
      return;
    }
    bool Stores = isStoringMethod(U.Callee);
    if (U.Up.Copied || U.Up.Moved || U.passing() != Passing::ByConstReference) {
      Out.push_back({EventKind::Settle, PE,
                     Stores ? Settlement::Store : Settlement::Pass});
      return;
    }
    // By const reference: only a call that stores a copy keeps it, or a
    // callee whose body we see copying the parameter.
    if (Stores)
      Out.push_back({EventKind::Settle, PE, Settlement::Store});
    else if (B.calleeKeepsCopyOf(U))
      Out.push_back({EventKind::Settle, PE, Settlement::Pass});
    return;
  }
  if (C == Carry::Token && staysLocal(PE, Top, C, Boundary, Out))
    return;
  // A deriving call (a merge) makes a token from the ones it is given and
  // hands nothing to work: the token it returns carries the handle's
  // cancellation on, and is followed in its place.
  if (C == Carry::Token && B.Model.isDerivingCall(PE, B.Ctx))
    if (const ContextTypeInfo *I = B.Model.classify(PE->getType(), B.Ctx);
        I && I->Role == ContextRole::Token) {
      Out.push_back({EventKind::Observe, PE});
      walk(PE, Carry::Token, Boundary, Out);
      return;
    }
  // A callable wrapped into another callable that runs it: follow the
  // wrapper, which goes where the work is.
  if (isCallableCarry(C) && wrapsCallable(PE, Top)) {
    walk(PE, C, Boundary, Out);
    return;
  }
  // A local stop callback registers on the token and deregisters when its
  // scope ends: nothing outlives the function.
  if (isTokenCarry(C) && isa<CXXConstructExpr>(PE)) {
    const ContextTypeInfo *I = B.Model.classify(PE->getType(), B.Ctx);
    const auto *V = climb(PE, B.Parents).Parent.get<VarDecl>();
    if (I && I->Role == ContextRole::StopCallback && V &&
        B.Uses.isLocalVar(V)) {
      Out.push_back({EventKind::Observe, PE});
      return;
    }
  }
  // A local object whose constructor only registers a stop callback member
  // on the token: the same, one level down.
  if (C == Carry::Token && B.constructsLocalRegistration(U)) {
    Out.push_back({EventKind::Observe, PE});
    return;
  }
  // Work held by a local object whose end the body waits for: a thread it
  // joins, threads in a container it joins in a loop, a task it waits on.
  if ((C == Carry::TokenCarrier || C == Carry::Token) && !ToSync)
    if (const VarDecl *T = B.keptWorkStartedBy(PE, Top, C)) {
      Out.push_back(
          {EventKind::Start, PE, Settlement::Pass, nullptr, false, T});
      return;
    }
  escape(C, PE, Settlement::Pass, ToSync, Out);
}

/// \p E of kind \p C is used inside lambda \p L: decides what \p L carries
/// and follows \p L itself.
void HandleWalk::walkInLambda(const Expr *E, Carry C, const LambdaExpr *L,
                              const Stmt *Boundary,
                              llvm::SmallVectorImpl<Event> &Out) {
  if (Depth > MaxWalkDepth)
    return;
  ++Depth;
  llvm::SmallVector<Event, 4> Inner;
  walk(E, C, L->getBody(), Inner);
  --Depth;
  bool Cancels = false, Starts = false, Observes = false, HandsOff = false;
  // A lambda that holds a reference to an object that is its own token
  // carries the token, whatever it does with it.
  if (C == Carry::Handle && H.HandleKind == CancelHandle::Source && H.Info &&
      H.Info->TokenIsSelf)
    for (const LambdaCapture &Cap : L->captures())
      if (Cap.capturesVariable() && Cap.getCaptureKind() == LCK_ByRef &&
          Cap.getCapturedVar() == H.Decl)
        Observes = true;
  for (const Event &Ev : Inner) {
    if (Ev.Kind == EventKind::Start)
      Starts = true;
    else if (Ev.Kind == EventKind::Observe)
      Observes = true;
    else if (Ev.How == Settlement::Cancel || Ev.How == Settlement::Guard)
      Cancels = true;
    else
      HandsOff = true;
  }
  if (Cancels)
    walk(L, Carry::Canceller, Boundary, Out);
  if (Starts)
    walk(L, Carry::TokenStarter, Boundary, Out);
  else if (Observes || isTokenCarry(C))
    walk(L, Carry::TokenCarrier, Boundary, Out);
  if (HandsOff)
    walk(L, Carry::HandleCarrier, Boundary, Out);
}

} // namespace clang::tidy::ctx
