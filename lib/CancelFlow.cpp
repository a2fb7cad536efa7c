//===--- CancelFlow.cpp - ctx-tidy ----------------------------------------===//

#include "lib/CancelFlow.h"
#include "lib/ExitPaths.h"
#include "lib/ExprShapes.h"
#include "lib/ValueOrigin.h"
#include "lib/ValueUses.h"
#include "lib/WorkEnds.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

bool HandleFlow::has(Settlement S) const {
  return llvm::any_of(Settles, [S](const auto &P) { return P.second == S; });
}

//===----------------------------------------------------------------------===//
// The AST walk
//===----------------------------------------------------------------------===//

namespace {

/// What a value carries for the handle being analysed.
enum class Carry {
  /// The handle itself (or a copy or alias of it).
  Handle,
  /// A token of the handle.
  Token,
  /// A callable that cancels the handle when invoked.
  Canceller,
  /// A callable that, when invoked, hands the token to work that may
  /// outlive it.
  TokenStarter,
  /// A callable that holds or observes the token.
  TokenCarrier,
  /// A callable that holds the handle and does something else with it.
  HandleCarrier,
};

enum class EventKind { Start, Settle, Observe };

struct Event {
  EventKind Kind;
  const Stmt *Where;
  Settlement How = Settlement::Cancel;
  const DeclStmt *Guard = nullptr;
  /// A canceller handed to a call or stored: whoever holds it now owes the
  /// cancel, also for a token taken after this point.
  bool Standing = false;
  /// For a start: the local object that holds the work and whose end the
  /// body waits for (see keptWorkStartedBy).
  const VarDecl *Work = nullptr;
};

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

/// True if \p T names something one can call: a function pointer or
/// reference, or a class with an operator().
bool isCallableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isFunctionPointerType() || T->isFunctionType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isLambda())
    return true;
  bool Found = false;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getOverloadedOperator() == OO_Call)
      Found = true;
  if (!Found)
    for (const CXXBaseSpecifier &B : RD->bases())
      if (isCallableType(B.getType()))
        return true;
  return Found;
}

} // namespace

struct CancelFlow::Impl {
  const ContextModel &Model;
  const FunctionNameSet &Sync;
  const ParentIndex &Parents;
  ASTContext &Ctx;
  const Stmt *Body;
  ValueUses Uses;

  /// Where the work held by the body's locals ends.
  WorkEnds Ends;

  /// calleeKeepsCopyOf's answers, by parameter.
  llvm::DenseMap<const ParmVarDecl *, bool> KeepsCopy;

  // Per analysis.
  const CancelHandle *Current = nullptr;
  llvm::DenseSet<std::pair<const ValueDecl *, int>> AliasSeen;
  unsigned Depth = 0;

  Impl(const ContextModel &M, const FunctionNameSet &S, const ParentIndex &PI,
       const Stmt *B)
      : Model(M), Sync(S), Parents(PI), Ctx(PI.context()), Body(B), Uses(PI, B),
        Ends(Uses) {}

  bool isLocalVar(const Decl *D) const { return Uses.isLocalVar(D); }
  Climbed climb(const Expr *E) const { return ctx::climb(E, Parents); }
  const CXXMemberCallExpr *memberCallOn(const Expr *E) const {
    return ctx::memberCallOn(E, Parents);
  }

  DynTypedNode parentOf(const DynTypedNode &N) { return Parents.parentOf(N); }
  DynTypedNode parentOf(const Stmt *S) {
    return parentOf(DynTypedNode::create(*S));
  }

  bool isGuardVar(const VarDecl *V) const {
    const ContextTypeInfo *I = Model.classify(V->getType(), Ctx);
    return I && I->Role == ContextRole::ScopeGuard;
  }

  /// A local object of a class with a user-written destructor, built from a
  /// callable that cancels: a hand-written guard, such as the
  /// dependency-free form the fix writes.
  bool isLocalRAII(const VarDecl *V) const {
    if (V->getType()->isReferenceType())
      return false;
    const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return false;
    // Looked up by hand: in a template the destructor of a local class is
    // not found by name.
    for (const CXXMethodDecl *M : RD->getDefinition()->methods())
      if (isa<CXXDestructorDecl>(M) && !M->isImplicit())
        return true;
    return false;
  }

  /// The scope-guard variable whose initializer holds \p E, if any.
  const VarDecl *guardInitializedBy(const Expr *E) {
    DynTypedNode Cur = DynTypedNode::create(*E);
    for (unsigned Guard = 0; Guard < 64; ++Guard) {
      DynTypedNode P = parentOf(Cur);
      if (P.get<Expr>()) {
        Cur = P;
        continue;
      }
      const auto *V = P.get<VarDecl>();
      if (!V || !isLocalVar(V) || !(isGuardVar(V) || isLocalRAII(V)))
        return nullptr;
      return V;
    }
    return nullptr;
  }

  /// True if the callee of \p Call, defined outside system headers, hands
  /// the cancel of the parameter \p Arg binds to on: a lambda in its body
  /// captures the parameter by copy and cancels that copy
  /// (`_JoinAllTokens_Add(const cancellation_token_source &src, ...)`
  /// registers `[=] { src.cancel(); }` on another token). A copy that is
  /// only read, or kept without a cancel in sight, does not count.
  bool calleeKeepsCopyOf(const Expr *Call, const Expr *Arg) {
    bool IsObject = false;
    auto Param = parameterOf(Call, Arg, IsObject);
    const FunctionDecl *Def = nullptr;
    if (!Param || !Param->first->hasBody(Def) || !Def ||
        Param->second >= Def->getNumParams() ||
        Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      return false;
    const ParmVarDecl *P = Def->getParamDecl(Param->second);
    auto [It, New] = KeepsCopy.try_emplace(P, false);
    if (New)
      It->second = cancelsCopyIn(Def->getBody(), P, 0);
    return It->second;
  }

  /// True if \p S holds a lambda that captures \p P by copy and calls a
  /// cancel method on it.
  bool cancelsCopyIn(const Stmt *S, const ParmVarDecl *P, unsigned Depth) {
    if (!S || Depth > 64)
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

  bool callsCancelOn(const Stmt *S, const ParmVarDecl *P, unsigned Depth) {
    if (!S || Depth > 64)
      return false;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (Model.isCancelMethod(Call->getMethodDecl(), Ctx))
        if (const auto *DRE = dyn_cast<DeclRefExpr>(
                Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
          if (DRE->getDecl() == P)
            return true;
    for (const Stmt *Child : S->children())
      if (callsCancelOn(Child, P, Depth + 1))
        return true;
    return false;
  }

  /// True if the object \p Construct builds outlives the full-expression
  /// and is not a local: made with new, or initializing a static or global.
  bool constructsEscapingObject(const Expr *Construct) {
    Climbed Up = climb(Construct);
    if (Up.Parent.get<CXXNewExpr>())
      return true;
    if (const auto *V = Up.Parent.get<VarDecl>())
      return !isLocalVar(V) || V->isStaticLocal();
    return false;
  }

  /// The local object that holds the work \p PE starts with the token, if
  /// the body waits for that work to end at points it can name:
  ///  - a thread \p PE builds (`std::thread t(work);`) that nothing but
  ///    join() and queries touch;
  ///  - a local container of threads the thread goes into
  ///    (`ts.emplace_back(work);`, `ts.push_back(std::thread(work));`),
  ///    joined by a loop over all of it;
  ///  - a PPL task \p PE builds with the token, waited on itself or through
  ///    a task that depends on it.
  ///
  /// A thread must get a callable that only reads the token (\p C is
  /// TokenCarrier): a named function given the token may keep it. A task
  /// gets the token itself (\p C is Token) and holds it for its own work.
  ///
  /// \p Arg is what carries the token into \p PE: for a thread, the
  /// callable the thread runs (the first argument), not an argument of it.
  const VarDecl *keptWorkStartedBy(const Expr *PE, const Expr *Arg, Carry C) {
    const VarDecl *V = nullptr;
    bool RunsArg = false;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(PE)) {
      // PPL's task constructors take the token as a task_options, which
      // converts from it: look at the task the options go to.
      if (hasLibraryRole(CE->getType(), LibraryRole::TaskOptions))
        if (const auto *Task = climb(CE).Parent.get<CXXConstructExpr>())
          CE = Task;
      QualType T = CE->getType();
      RunsArg = CE->getNumArgs() > 0 && CE->getArg(0) == Arg;
      bool Thread = hasLibraryRole(T, LibraryRole::Thread);
      if (Thread || hasLibraryRole(T, LibraryRole::Task)) {
        Climbed Up = climb(CE);
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
    if (!V || !isLocalVar(V) || V->isStaticLocal() ||
        V->getType()->isReferenceType())
      return nullptr;
    if (hasLibraryRole(V->getType(), LibraryRole::Task)
            ? C != Carry::Token
            : C != Carry::TokenCarrier || !RunsArg)
      return nullptr;
    return Ends.endsOf(V) ? V : nullptr;
  }

  void addAlias(const ValueDecl *V, Carry C, const Stmt *Boundary,
                llvm::SmallVectorImpl<Event> &Out) {
    if (!AliasSeen.insert({V, static_cast<int>(C)}).second || Depth > 12)
      return;
    ++Depth;
    for (const DeclRefExpr *R : Uses.refsTo(V))
      walk(R, C, Boundary, Out);
    --Depth;
  }

  bool isTokenCarry(Carry C) {
    return C == Carry::Token || C == Carry::TokenCarrier ||
           C == Carry::TokenStarter;
  }

  /// The outcome for a value of kind \p C that escapes at \p Where (passed
  /// to a call, returned, stored).
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
      Out.push_back({EventKind::Settle, Where, How, nullptr,
                     !ToSyncCall && (How == Settlement::Pass ||
                                     How == Settlement::Store)});
      return;
    case Carry::Handle:
    case Carry::HandleCarrier:
      Out.push_back({EventKind::Settle, Where, How});
      return;
    }
  }

  /// Token values that stay among locals: a comparison, or a swap with
  /// other local variables (which then hold the token).
  bool staysLocal(const Expr *Call, const Expr *Top, Carry C,
                  const Stmt *Boundary, llvm::SmallVectorImpl<Event> &Out) {
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
      if (!DRE || !isLocalVar(DRE->getDecl()))
        return false;
      Others.push_back(DRE->getDecl());
    }
    Out.push_back({EventKind::Observe, Call});
    for (const ValueDecl *V : Others)
      addAlias(V, C, Boundary, Out);
    return true;
  }

  /// Follows the value \p E of kind \p C to where it ends up, recording
  /// events into \p Out. \p Boundary is the body the events belong to.
  void walk(const Expr *E, Carry C, const Stmt *Boundary,
            llvm::SmallVectorImpl<Event> &Out) {
    if (const LambdaExpr *L = enclosingLambda(E, Boundary, Parents)) {
      walkInLambda(E, C, L, Boundary, Out);
      return;
    }
    bool IsSource = Current->HandleKind == CancelHandle::Source;
    bool Callable = C == Carry::Canceller || C == Carry::TokenStarter ||
                    C == Carry::TokenCarrier || C == Carry::HandleCarrier ||
                    (C == Carry::Handle && !IsSource);

    if (C == Carry::Canceller || (C == Carry::Handle && !IsSource))
      if (const VarDecl *G = guardInitializedBy(E)) {
        // The initializer is a CFG element; a declaration statement that
        // also declares a class is not (the CFG splits it).
        const auto *DS = parentOf(DynTypedNode::create(*G)).get<DeclStmt>();
        const Stmt *Where =
            G->getInit() ? static_cast<const Stmt *>(G->getInit()) : DS;
        if (Where)
          Out.push_back({EventKind::Settle, Where, Settlement::Guard, DS});
        return;
      }

    Use U = classifyUse(E, Parents);
    const Expr *Top = U.Up.Top;

    // Moved into a local (or an init-capture): that local now holds it.
    if (U.Kind == UseKind::Initializes || U.Kind == UseKind::InitCapture) {
      if (isLocalVar(U.Variable) && !U.Variable->isStaticLocal())
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
      return;
    case UseKind::Returned:
      escape(C, U.User, Settlement::Return, false, Out);
      return;
    case UseKind::MemberCall: {
      const auto *Call = cast<Expr>(U.User);
      if (C == Carry::Handle && IsSource) {
        if (Model.isCancelMethod(U.Method, Ctx))
          Out.push_back({EventKind::Settle, Call, Settlement::Cancel});
        else if (Model.isTokenMethod(U.Method, Ctx))
          walk(Call, Carry::Token, Boundary, Out);
        return;
      }
      if (C == Carry::Token && staysLocal(Call, Top, C, Boundary, Out))
        return;
      if (isTokenCarry(C))
        Out.push_back({EventKind::Observe, Call});
      return;
    }
    case UseKind::MemberAccess:
    case UseKind::AssignedTo:
    case UseKind::Captured:
      return;
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
      if (U.Variable && isLocalVar(U.Variable)) {
        addAlias(U.Variable, C, Boundary, Out);
        return;
      }
      escape(C, U.User, Settlement::Store, false, Out);
      return;
    case UseKind::AddressTaken:
      escape(C, U.User, Settlement::Pass,
             inSynchronousCall(U.User, Sync, Parents), Out);
      return;
    case UseKind::Stored:
      escape(C, U.User, Settlement::Store,
             inSynchronousCall(U.User, Sync, Parents), Out);
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
  void walkArgument(const Use &U, Carry C, const Stmt *Boundary,
                    llvm::SmallVectorImpl<Event> &Out) {
    const Expr *PE = U.Call;
    const Expr *Top = U.Up.Top;
    bool ToSync = inSynchronousCall(PE, Sync, Parents);
    if (C == Carry::Handle && Current->HandleKind == CancelHandle::Source) {
      const ContextTypeInfo *Info = Current->Info;
      if (Info && Info->TokenIsSelf && !U.Up.Copied && !U.Up.Moved) {
        // The object is its own token. Passed by reference to a call,
        // it does not leave: the callee cannot keep a reference to a
        // local past this function without dangling, and the work it
        // runs with the object is waited for by that call. Only an
        // object that outlives the statement and keeps the reference
        // takes the token: one made with new, or a non-local.
        if (isa<CXXConstructExpr>(PE) && constructsEscapingObject(PE))
          escape(Carry::Token, PE, Settlement::Pass, ToSync, Out);
        return;
      }
      // Converted into the return value: `return src;` into an optional.
      if (isa<CXXConstructExpr>(PE) && climb(PE).Parent.get<ReturnStmt>()) {
        Out.push_back({EventKind::Settle, PE, Settlement::Return});
        return;
      }
      bool Stores = isStoringMethod(U.Callee);
      if (U.Up.Copied || U.Up.Moved ||
          U.passing() != Passing::ByConstReference) {
        Out.push_back({EventKind::Settle, PE,
                       Stores ? Settlement::Store : Settlement::Pass});
        return;
      }
      // By const reference: only a call that stores a copy keeps it,
      // or a callee whose body we see copying the parameter.
      if (Stores)
        Out.push_back({EventKind::Settle, PE, Settlement::Store});
      else if (calleeKeepsCopyOf(PE, Top))
        Out.push_back({EventKind::Settle, PE, Settlement::Pass});
      return;
    }
    if (C == Carry::Token && staysLocal(PE, Top, C, Boundary, Out))
      return;
    // A local stop callback registers on the token and deregisters when
    // its scope ends: nothing outlives the function.
    if (isTokenCarry(C) && isa<CXXConstructExpr>(PE)) {
      const ContextTypeInfo *I = Model.classify(PE->getType(), Ctx);
      const auto *V = climb(PE).Parent.get<VarDecl>();
      if (I && I->Role == ContextRole::StopCallback && V && isLocalVar(V)) {
        Out.push_back({EventKind::Observe, PE});
        return;
      }
    }
    // Work held by a local object whose end the body waits for: a
    // thread it joins, threads in a container it joins in a loop, a
    // task it waits on.
    if ((C == Carry::TokenCarrier || C == Carry::Token) && !ToSync)
      if (const VarDecl *T = keptWorkStartedBy(PE, Top, C)) {
        Out.push_back(
            {EventKind::Start, PE, Settlement::Pass, nullptr, false, T});
        return;
      }
    escape(C, PE, Settlement::Pass, ToSync, Out);
  }

  /// \p E of kind \p C is used inside lambda \p L: decides what \p L carries
  /// and follows \p L itself.
  void walkInLambda(const Expr *E, Carry C, const LambdaExpr *L,
                    const Stmt *Boundary, llvm::SmallVectorImpl<Event> &Out) {
    if (Depth > 12)
      return;
    ++Depth;
    llvm::SmallVector<Event, 4> Inner;
    walk(E, C, L->getBody(), Inner);
    --Depth;
    bool Cancels = false, Starts = false, Observes = false, HandsOff = false;
    // A lambda that holds a reference to an object that is its own token
    // carries the token, whatever it does with it.
    if (C == Carry::Handle && Current->HandleKind == CancelHandle::Source &&
        Current->Info && Current->Info->TokenIsSelf)
      for (const LambdaCapture &Cap : L->captures())
        if (Cap.capturesVariable() && Cap.getCaptureKind() == LCK_ByRef &&
            Cap.getCapturedVar() == Current->Decl)
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
};

//===----------------------------------------------------------------------===//
// CancelFlow
//===----------------------------------------------------------------------===//

namespace {

/// The index of the callable element of a pair, tuple or struct type.
std::optional<unsigned> callableElement(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  std::optional<unsigned> Found;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    if (const LibraryTypeInfo *Lib = libraryTypeOf(Spec);
        Lib && Lib->Role == LibraryRole::Tuple) {
      unsigned I = 0;
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
        if (A.getKind() == TemplateArgument::Pack) {
          for (const TemplateArgument &PA : A.pack_elements()) {
            if (PA.getKind() == TemplateArgument::Type &&
                isCallableType(PA.getAsType()))
              Found = I;
            ++I;
          }
          continue;
        }
        if (A.getKind() == TemplateArgument::Type &&
            isCallableType(A.getAsType()))
          Found = I;
        ++I;
      }
      return Found;
    }
  }
  if (!RD->hasDefinition())
    return std::nullopt;
  unsigned I = 0;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    if (isCallableType(F->getType()))
      Found = I;
    ++I;
  }
  return Found;
}

bool isStdIgnore(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreImplicit());
  if (!DRE)
    return false;
  const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
  return V && V->getIdentifier() && V->getName() == "ignore" &&
         V->isInStdNamespace();
}

} // namespace

CancelFlow::CancelFlow(const ContextModel &Model,
                       const FunctionNameSet &SynchronousCalls,
                       const ParentIndex &Parents, const Stmt *Body)
    : P(std::make_unique<Impl>(Model, SynchronousCalls, Parents, Body)),
      Body(Body) {
  ASTContext &Ctx = Parents.context();
  if (P->Uses.hasErrors())
    return;
  // Handles.
  for (const VarDecl *V : P->Uses.topLevelVars()) {
    if (!V->hasLocalStorage() || V->isInvalidDecl())
      continue;
    QualType T = V->getType();
    if (T.isNull() || T->isDependentType())
      continue;
    // The declaring statement is looked up only for candidates: most locals
    // are not handles.
    auto DeclaringStmt = [&] {
      return P->parentOf(DynTypedNode::create(*V)).get<DeclStmt>();
    };
    if (const auto *DD = dyn_cast<DecompositionDecl>(V)) {
      const CallExpr *Call = initializingCall(DD->getInit());
      const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
      if (!F || !Model.isCancelFactory(F, Ctx))
        continue;
      const BindingDecl *Cancel = nullptr;
      for (const BindingDecl *B : DD->bindings())
        if (!B->getType().isNull() && isCallableType(B->getType()))
          Cancel = B;
      if (!Cancel)
        continue;
      CancelHandle H;
      H.HandleKind = CancelHandle::CancelFunction;
      H.Decl = Cancel;
      H.Declaration = DeclaringStmt();
      if (!H.Declaration)
        continue;
      H.FactoryCall = Call;
      H.Factory = F;
      Handles.push_back(H);
      continue;
    }
    if (T->isReferenceType())
      continue;
    if (const ContextTypeInfo *Info = Model.classify(T, Ctx)) {
      if (Info->Role != ContextRole::CancelSource || copiesExistingObject(V))
        continue;
      CancelHandle H;
      H.Decl = V;
      H.Info = Info;
      H.Declaration = DeclaringStmt();
      if (!H.Declaration)
        continue;
      Handles.push_back(H);
      continue;
    }
    const CallExpr *Call = initializingCall(V->getInit());
    const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (F && isCallableType(T) && Model.isCancelFactory(F, Ctx)) {
      CancelHandle H;
      H.HandleKind = CancelHandle::CancelFunction;
      H.Decl = V;
      H.Declaration = DeclaringStmt();
      if (!H.Declaration)
        continue;
      H.FactoryCall = Call;
      H.Factory = F;
      Handles.push_back(H);
    }
  }

  // Factory calls whose result is dropped.
  for (const CallExpr *CE : P->Uses.topLevelCalls()) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !Model.isCancelFactory(F, Ctx))
      continue;
    Climbed Up = P->climb(CE);
    const DynTypedNode &Parent = Up.Parent;
    if (Parent.get<CompoundStmt>() || Parent.get<IfStmt>() ||
        Parent.get<ForStmt>() || Parent.get<WhileStmt>() ||
        Parent.get<DoStmt>() || Parent.get<SwitchCase>() ||
        Parent.get<LabelStmt>()) {
      Discarded.push_back(CE);
      continue;
    }
    if (const auto *Cast = Parent.get<ExplicitCastExpr>()) {
      if (Cast->getTypeAsWritten()->isVoidType())
        Discarded.push_back(CE);
      continue;
    }
    // std::tie(ctx, std::ignore) = factory(...);
    if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
      if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 ||
          Op->getArg(1) != Up.Top)
        continue;
      const auto *Tie = dyn_cast<CallExpr>(Op->getArg(0)->IgnoreImplicit());
      const FunctionDecl *TieF = Tie ? Tie->getDirectCallee() : nullptr;
      if (!TieF || !TieF->getIdentifier() || TieF->getName() != "tie" ||
          !TieF->isInStdNamespace())
        continue;
      std::optional<unsigned> I = callableElement(CE->getType());
      if (I && *I < Tie->getNumArgs() && isStdIgnore(Tie->getArg(*I)))
        Discarded.push_back(CE);
    }
  }
}

CancelFlow::~CancelFlow() = default;

HandleFlow CancelFlow::analyse(const CancelHandle &H) {
  HandleFlow Flow;
  P->Current = &H;
  P->AliasSeen.clear();
  P->Depth = 0;
  ASTContext &Ctx = P->Ctx;

  if (H.HandleKind == CancelHandle::CancelFunction) {
    Flow.ObligationStarts.push_back(H.FactoryCall);
    Flow.NeverUsed = P->Uses.refsTo(H.Decl).empty();
  }

  // A source from a local std::jthread that is neither detached nor moved:
  // the thread requests stop when it is destroyed.
  if (const auto *V = dyn_cast<VarDecl>(H.Decl))
    if (const auto *Call =
            dyn_cast_or_null<CXXMemberCallExpr>(initializingCall(V->getInit())))
      if (const auto *Obj = dyn_cast<DeclRefExpr>(
              Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        if (const ContextTypeInfo *TI =
                P->Model.classify(Obj->getDecl()->getType(), Ctx))
          if (TI->Role == ContextRole::Thread &&
              P->isLocalVar(Obj->getDecl()) &&
              !Obj->getDecl()->getType()->isReferenceType()) {
            bool Released = false;
            for (const DeclRefExpr *R : P->Uses.refsTo(Obj->getDecl())) {
              Climbed Up = P->climb(R);
              if (Up.Moved)
                Released = true;
              if (const auto *ME = Up.Parent.get<MemberExpr>())
                if (ME->getMemberDecl()->getIdentifier() &&
                    ME->getMemberDecl()->getName() == "detach")
                  Released = true;
            }
            Flow.OwnedByThread = !Released;
          }

  llvm::SmallVector<Event, 16> Events;
  for (const DeclRefExpr *R : P->Uses.refsTo(H.Decl))
    P->walk(R, Carry::Handle, Body, Events);

  // The kept work each start hands the token to; null once some event at
  // the same place hands it to anything else.
  llvm::DenseMap<const Stmt *, const VarDecl *> StartWork;
  for (const Event &E : Events) {
    if (E.Kind == EventKind::Start) {
      auto [It, New] = StartWork.try_emplace(E.Where, E.Work);
      if (New)
        Flow.ObligationStarts.push_back(E.Where);
      else if (It->second != E.Work)
        It->second = nullptr;
    } else if (E.Kind == EventKind::Settle) {
      Flow.Settles.push_back({E.Where, E.How});
      if (E.Standing)
        if (const Stmt *S = blockStatementOf(E.Where, P->Parents))
          if (!llvm::is_contained(Flow.StandingHandOffs, S))
            Flow.StandingHandOffs.push_back(S);
      if (E.Guard && !llvm::is_contained(Flow.Guards, E.Guard))
        Flow.Guards.push_back(E.Guard);
    }
  }
  llvm::SmallPtrSet<const VarDecl *, 2> SeenWork;
  for (const Stmt *S : Flow.ObligationStarts) {
    const VarDecl *T = StartWork.lookup(S);
    if (!T)
      continue;
    Flow.StartWork[S] = T;
    if (SeenWork.insert(T).second)
      for (const Stmt *J : *P->Ends.endsOf(T))
        Flow.WorkEnds.push_back({T, J});
  }
  return Flow;
}

bool CancelFlow::declaresThreadAfter(const CancelHandle &H) const {
  const SourceManager &SM = P->Ctx.getSourceManager();
  for (const VarDecl *V : P->Uses.topLevelVars()) {
    const ContextTypeInfo *I = P->Model.classify(V->getType(), P->Ctx);
    if (!I || I->Role != ContextRole::Thread || V->getType()->isReferenceType())
      continue;
    if (SM.isBeforeInTranslationUnit(H.Decl->getLocation(), V->getLocation()))
      return true;
  }
  return false;
}

} // namespace clang::tidy::ctx
