//===--- WorkEnds.cpp - ctx-tidy ------------------------------------------===//

#include "lib/WorkEnds.h"
#include "lib/ContextModel.h"
#include "lib/ExitPaths.h"
#include "lib/ExprShapes.h"
#include "lib/LoopShapes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

namespace {

/// How far a chain of dependent tasks (`u = t.then(f); v = u.then(g);`) is
/// followed; longer chains add no waits, the safe answer.
constexpr unsigned MaxDependentTasks = 8;

/// How many levels of braces and `if (t.joinable())` a join statement may
/// sit under.
constexpr unsigned MaxJoinNesting = 8;

/// How far up a subscript the loop whose body joins it is looked for.
constexpr unsigned MaxLoopBodyDepth = 32;

/// Member calls that add a thread to a container.
bool fillsContainer(llvm::StringRef Method) {
  return Method == "emplace_back" || Method == "push_back" ||
         Method == "emplace_front" || Method == "push_front";
}

} // namespace

bool isJoinStatement(const Stmt *S,
                     llvm::function_ref<bool(const Expr *)> IsX) {
  for (unsigned Level = 0; S && Level < MaxJoinNesting; ++Level) {
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      if (CS->body_empty())
        return false;
      S = CS->body_front();
      continue;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      const auto *Cond = dyn_cast_or_null<CXXMemberCallExpr>(
          If->getCond() ? If->getCond()->IgnoreImplicit() : nullptr);
      if (If->getElse() || If->getInit() || If->getConditionVariable() ||
          If->isConsteval() || methodName(Cond) != "joinable" ||
          !IsX(Cond->getImplicitObjectArgument()))
        return false;
      S = If->getThen();
      continue;
    }
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call =
        E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
    return methodName(Call) == "join" && IsX(Call->getImplicitObjectArgument());
  }
  return false;
}

bool loopBodyJoins(const Stmt *Body,
                   llvm::function_ref<bool(const Expr *)> IsX) {
  if (mayLeaveEarly(Body))
    return false;
  if (isJoinStatement(Body, IsX))
    return true;
  const auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
  if (!CS)
    return false;
  return llvm::any_of(CS->body(),
                      [&](const Stmt *S) { return isJoinStatement(S, IsX); });
}

WorkEnds::WorkEnds(const ValueUses &Uses)
    : Uses(Uses), Parents(Uses.parents()) {}

const std::optional<WorkEndPoints> &WorkEnds::endsOf(const VarDecl *V) {
  auto Cached = Cache.find(V);
  if (Cached != Cache.end())
    return Cached->second;
  std::optional<WorkEndPoints> Ends;
  QualType T = V->getType();
  if (hasLibraryRole(T, LibraryRole::Thread)) {
    Ends = joinPointsOf(V);
  } else if (isThreadContainer(T)) {
    Ends = loopJoinPointsOf(V);
  } else if (hasLibraryRole(T, LibraryRole::Task)) {
    WorkEndPoints Waits;
    llvm::SmallPtrSet<const VarDecl *, 4> Seen;
    if (collectWaitPoints(V, Waits, Seen, 0))
      Ends = std::move(Waits);
  }
  return Cache.try_emplace(V, std::move(Ends)).first->second;
}

const VarDecl *
WorkEnds::threadContainerFilledBy(const CXXMemberCallExpr *Call) const {
  if (!fillsContainer(methodName(Call)))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !isThreadContainer(V->getType()))
    return nullptr;
  return V;
}

std::optional<WorkEndPoints> WorkEnds::joinPointsOf(const VarDecl *V) const {
  // What may be done to a thread whose work the body waits for.
  static const llvm::StringSet<> Queries = {
      "join",           "joinable",        "get_id",      "native_handle",
      "get_stop_token", "get_stop_source", "request_stop"};
  WorkEndPoints Joins;
  std::optional<llvm::ArrayRef<const DeclRefExpr *>> Refs =
      Uses.refsOutsideLambdas(V);
  if (!Refs)
    return std::nullopt;
  for (const DeclRefExpr *R : *Refs) {
    const CXXMemberCallExpr *Call = memberCallOn(R, Parents);
    llvm::StringRef Name = methodName(Call);
    if (!Queries.contains(Name))
      return std::nullopt;
    if (Name == "join") {
      Joins.push_back(Call);
      continue;
    }
    if (Name != "joinable")
      continue;
    Climbed Cond = climb(Call, Parents);
    const auto *If = Cond.Parent.get<IfStmt>();
    if (If && If->getCond() == Cond.Top &&
        isJoinStatement(If, [&](const Expr *X) { return refersTo(X, V); }))
      Joins.push_back(Call);
  }
  return Joins;
}

bool WorkEnds::onlyJoinedIn(const Stmt *Body, const VarDecl *Each) const {
  for (const DeclRefExpr *R : Uses.refsTo(Each)) {
    if (!containsStmt(Body, R))
      continue;
    llvm::StringRef Name = methodName(memberCallOn(R, Parents));
    if (Uses.inNestedLambda(R) ||
        !(Name == "join" || Name == "joinable" || Name == "get_id"))
      return false;
  }
  return true;
}

std::optional<WorkEndPoints>
WorkEnds::loopJoinPointsOf(const VarDecl *V) const {
  // What may be done to a container whose threads the body joins.
  static const llvm::StringSet<> Allowed = {
      "emplace_back", "push_back", "emplace_front", "push_front",
      "reserve",      "size",      "empty",         "capacity"};
  WorkEndPoints Joins;
  std::optional<llvm::ArrayRef<const DeclRefExpr *>> Refs =
      Uses.refsOutsideLambdas(V);
  if (!Refs)
    return std::nullopt;
  for (const DeclRefExpr *R : *Refs) {
    Climbed Up = climb(R, Parents);
    if (Up.Moved || Up.Copied || Up.Conditional)
      return std::nullopt;
    if (Allowed.contains(methodName(memberCallOn(R, Parents))))
      continue;
    // The range of a range-based for: the parent is the loop, or (with
    // implicit code) the loop's `auto &&__range = v;`.
    const auto *FR = Up.Parent.get<CXXForRangeStmt>();
    if (const auto *Range = Up.Parent.get<VarDecl>())
      if (const auto *DS =
              Parents.parentOf(DynTypedNode::create(*Range)).get<DeclStmt>())
        if (const auto *Loop = Parents.parentOf(DynTypedNode::create(*DS))
                                   .get<CXXForRangeStmt>())
          if (Loop->getRangeStmt() == DS)
            FR = Loop;
    if (FR) {
      const VarDecl *Each =
          FR->getLoopVarStmt() ? FR->getLoopVariable() : nullptr;
      if (FR->getRangeInit() &&
          FR->getRangeInit()->IgnoreParenImpCasts() ==
              Up.Top->IgnoreParenImpCasts() &&
          Each && Each->getType()->isReferenceType() && FR->getRangeStmt() &&
          onlyJoinedIn(FR->getBody(), Each) &&
          loopBodyJoins(FR->getBody(),
                        [&](const Expr *X) { return refersTo(X, Each); })) {
        Joins.push_back(FR->getRangeStmt());
        continue;
      }
      return std::nullopt;
    }
    if (const auto *Sub = Up.Parent.get<CXXOperatorCallExpr>())
      if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2 &&
          Sub->getArg(0) == Up.Top) {
        llvm::StringRef Name = methodName(memberCallOn(Sub, Parents));
        if (Name == "joinable" || Name == "get_id")
          continue;
        if (Name == "join")
          if (const ForStmt *Loop = indexLoopJoining(Sub, V)) {
            Joins.push_back(Loop->getInit());
            continue;
          }
      }
    return std::nullopt;
  }
  return Joins;
}

const ForStmt *WorkEnds::indexLoopJoining(const CXXOperatorCallExpr *Sub,
                                          const VarDecl *V) const {
  const auto *IRef =
      dyn_cast<DeclRefExpr>(Sub->getArg(1)->IgnoreParenImpCasts());
  const auto *I = IRef ? dyn_cast<VarDecl>(IRef->getDecl()) : nullptr;
  if (!I)
    return nullptr;
  // Climb from the subscript to the loop that holds it.
  DynTypedNode Cur = DynTypedNode::create(*Sub);
  const ForStmt *Loop = nullptr;
  for (unsigned Step = 0; Step < MaxLoopBodyDepth && !Loop; ++Step) {
    DynTypedNode P = Parents.parentOf(Cur);
    if (!P.get<Stmt>())
      return nullptr;
    Loop = P.get<ForStmt>();
    Cur = P;
  }
  if (!Loop || !Loop->getBody() ||
      zeroBasedIndexOf(Loop, Parents.context()) != I)
    return nullptr;
  auto IsElement = [&](const Expr *X) {
    const auto *S = dyn_cast<CXXOperatorCallExpr>(X->IgnoreImplicit());
    return S && S->getOperator() == OO_Subscript && S->getNumArgs() == 2 &&
           refersTo(S->getArg(0), V) && refersTo(S->getArg(1), I);
  };
  return loopBodyJoins(Loop->getBody(), IsElement) ? Loop : nullptr;
}

bool WorkEnds::collectWaitPoints(const VarDecl *V,
                                 llvm::SmallVectorImpl<const Stmt *> &Waits,
                                 llvm::SmallPtrSetImpl<const VarDecl *> &Seen,
                                 unsigned Depth) const {
  if (Depth > MaxDependentTasks || !Seen.insert(V).second)
    return true;
  std::optional<llvm::ArrayRef<const DeclRefExpr *>> Refs =
      Uses.refsOutsideLambdas(V);
  if (!Refs)
    return false;
  auto AddDependent = [&](const VarDecl *D) {
    llvm::SmallVector<const Stmt *, 2> More;
    if (D && collectWaitPoints(D, More, Seen, Depth + 1))
      Waits.append(More.begin(), More.end());
  };
  for (const DeclRefExpr *R : *Refs) {
    Climbed Up = climb(R, Parents);
    if (Up.Moved)
      return false;
    if (Up.Conditional)
      continue;
    if (const auto *Op = Up.Parent.get<CXXOperatorCallExpr>()) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(0) == Up.Top)
        return false;
      if (Op->getOperator() == OO_AmpAmp) {
        // The outermost `&&` of `a && b && c`, and the task it builds.
        Climbed Top = climb(Op, Parents);
        while (const auto *Outer = Top.Parent.get<CXXOperatorCallExpr>()) {
          if (Outer->getOperator() != OO_AmpAmp)
            break;
          Top = climb(Outer, Parents);
        }
        AddDependent(dependentTask(Top));
      }
      continue;
    }
    if (const CXXMemberCallExpr *Call = memberCallOn(R, Parents)) {
      llvm::StringRef Name = methodName(Call);
      if (Name == "wait" || Name == "get")
        Waits.push_back(Call);
      else if (Name == "then")
        AddDependent(dependentTask(climb(Call, Parents)));
      continue;
    }
    // An argument: a copy or a const reference leaves V as it is.
    if (const auto *Call = Up.Parent.get<Expr>();
        isa_and_nonnull<CallExpr, CXXConstructExpr>(Call)) {
      bool IsObject = false;
      auto P = parameterOf(Call, Up.Top, IsObject);
      if (IsObject)
        continue;
      QualType Param =
          P ? P->first->getParamDecl(P->second)->getType() : QualType();
      if (Param.isNull() || (Param->isReferenceType() &&
                             !Param.getNonReferenceType().isConstQualified()))
        return false;
    }
  }
  return true;
}

const VarDecl *WorkEnds::dependentTask(const Climbed &Up) const {
  const auto *D = Up.Parent.get<VarDecl>();
  if (!D || Up.Conditional || !Uses.isLocalVar(D) || D->isStaticLocal() ||
      D->getType()->isReferenceType() ||
      !hasLibraryRole(D->getType(), LibraryRole::Task))
    return nullptr;
  return D;
}

//===----------------------------------------------------------------------===//
// Blocking waits
//===----------------------------------------------------------------------===//

bool isBlockingWait(const Stmt *S) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(S);
  return MC && isBlockingMember(MC->getMethodDecl());
}

namespace {

void addAll(const Stmt *S, llvm::DenseSet<const Stmt *> &Out) {
  if (!S)
    return;
  Out.insert(S);
  for (const Stmt *Child : S->children())
    addAll(Child, Out);
}

bool containsWait(const Stmt *S) {
  if (!S)
    return false;
  if (isBlockingWait(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsWait(Child))
      return true;
  return false;
}

} // namespace

void collectWaits(const Stmt *Body, llvm::DenseSet<const Stmt *> &Out) {
  if (!Body)
    return;
  if (isBlockingWait(Body))
    Out.insert(Body);
  if (isa<WhileStmt, ForStmt>(Body) && containsWait(loopBody(Body)))
    addAll(loopCondition(Body), Out);
  for (const Stmt *Child : Body->children())
    collectWaits(Child, Out);
}

const Expr *executorWaitedOn(const Stmt *S) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(S);
  llvm::StringRef N = methodName(MC);
  if (N != "run" && N != "join" && N != "wait")
    return nullptr;
  return MC->getImplicitObjectArgument();
}

bool waitsOn(const Stmt *S, const VarDecl *Result) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(S);
  llvm::StringRef N = methodName(MC);
  if (N != "get" && N != "wait")
    return false;
  const Expr *Obj = ignoreTemporaries(MC->getImplicitObjectArgument());
  if (const Expr *Moved = movedFrom(Obj))
    Obj = ignoreTemporaries(Moved);
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Obj);
  return DRE && DRE->getDecl() == Result;
}

} // namespace clang::tidy::ctx
