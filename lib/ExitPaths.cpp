//===--- ExitPaths.cpp - ctx-tidy -----------------------------------------===//

#include "lib/ExitPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>

namespace clang::tidy::ctx {

std::unique_ptr<ExitPathAnalysis>
ExitPathAnalysis::build(const Decl *D, const Stmt *Body, ASTContext &Ctx) {
  if (!Body || (D && D->isInvalidDecl()))
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = false;
  Options.AddInitializers = false;
  Options.AddScopes = false;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(D, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Graph)
    return nullptr;
  std::unique_ptr<ExitPathAnalysis> A(new ExitPathAnalysis());
  A->Graph = std::move(Graph);
  A->Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  for (const CFGBlock *B : *A->Graph) {
    if (!B)
      continue;
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (const Stmt *S = statementOf(E))
        A->ElementOf.try_emplace(S, CFGPosition{B, I});
      ++I;
    }
  }
  return A;
}

ExitPathAnalysis::~ExitPathAnalysis() = default;

const Stmt *ExitPathAnalysis::statementOf(const CFGElement &E) {
  if (std::optional<CFGStmt> S = E.getAs<CFGStmt>())
    return S->getStmt();
  return nullptr;
}

std::optional<CFGPosition> ExitPathAnalysis::positionOf(const Stmt *S) const {
  for (const Stmt *Cur = S; Cur; Cur = Parents->getParent(Cur)) {
    auto It = ElementOf.find(Cur);
    if (It != ElementOf.end())
      return It->second;
  }
  return std::nullopt;
}

namespace {

bool isExitStatement(const Stmt *S) {
  return isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(S);
}

/// Describes how block \p B, a predecessor of the exit block, leaves.
ExitPoint exitOf(const CFGBlock &B) {
  ExitPoint P;
  for (const auto *It = B.rbegin(); It != B.rend(); ++It) {
    const Stmt *S = ExitPathAnalysis::statementOf(*It);
    if (!S)
      continue;
    if (isExitStatement(S)) {
      P.Statement = S;
      P.How = isa<CXXThrowExpr>(S) ? ExitPoint::Throw : ExitPoint::Return;
    }
    break;
  }
  if (!P.Statement)
    if (const Stmt *T = B.getTerminatorStmt())
      if (isExitStatement(T)) {
        P.Statement = T;
        P.How = isa<CXXThrowExpr>(T) ? ExitPoint::Throw : ExitPoint::Return;
      }
  return P;
}

} // namespace

llvm::SmallVector<const VarDecl *, 4>
ExitPathAnalysis::objectsAliveAt(const Stmt *S) const {
  llvm::SmallVector<const VarDecl *, 4> Alive;
  const Stmt *Child = S;
  for (const Stmt *Cur = Parents->getParent(S); Cur;
       Child = Cur, Cur = Parents->getParent(Cur)) {
    const auto *Block = dyn_cast<CompoundStmt>(Cur);
    if (!Block)
      continue;
    // The declarations of this block that precede the statement holding S:
    // destroyed in reverse order when S leaves the block by an exception.
    llvm::SmallVector<const VarDecl *, 4> InBlock;
    for (const Stmt *Item : Block->body()) {
      if (Item == Child)
        break;
      if (const auto *DS = dyn_cast<DeclStmt>(Item))
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (V->hasLocalStorage() && !V->getType()->isReferenceType() &&
                V->getType()->getAsCXXRecordDecl())
              InBlock.push_back(V);
    }
    Alive.append(InBlock.rbegin(), InBlock.rend());
  }
  return Alive;
}

std::optional<ExitPoint> ExitPathAnalysis::findExitAvoiding(
    CFGPosition Start,
    llvm::function_ref<bool(const CFGElement &)> Ends) const {
  return findExitAvoiding(llvm::ArrayRef<CFGPosition>(Start), Ends);
}

std::optional<ExitPoint> ExitPathAnalysis::findExitAvoiding(
    llvm::ArrayRef<CFGPosition> Starts,
    llvm::function_ref<bool(const CFGElement &)> Ends) const {
  const CFGBlock *Exit = &Graph->getExit();
  // Blocks entered at their first element. A start block is scanned from its
  // start only and stays unvisited, so that a loop back into it scans it
  // whole.
  llvm::SmallPtrSet<const CFGBlock *, 32> Visited;
  std::deque<const CFGBlock *> Queue;

  // Scans \p B from element \p From; returns true if the path goes on.
  auto ScanBlock = [&](const CFGBlock *B, unsigned From) -> bool {
    for (unsigned I = From, N = B->size(); I < N; ++I)
      if (Ends((*B)[I]))
        return false;
    // A block ending in a [[noreturn]] call leads nowhere.
    return !B->hasNoReturnElement();
  };

  auto Enqueue = [&](const CFGBlock *From) -> std::optional<ExitPoint> {
    bool TryDispatch = isa_and_nonnull<CXXTryStmt>(From->getTerminatorStmt());
    for (const CFGBlock::AdjacentBlock &Succ : From->succs()) {
      const CFGBlock *S = Succ.getReachableBlock();
      if (!S)
        continue;
      if (S == Exit) {
        if (TryDispatch)
          continue; // An exception no handler matched: assumed caught.
        ExitPoint P = exitOf(*From);
        // The CFG has no destructor elements on a throw's edge, but the
        // objects alive at the throw are destroyed as it leaves: a scope
        // guard among them runs on this path too.
        if (P.How == ExitPoint::Throw && P.Statement &&
            llvm::any_of(objectsAliveAt(P.Statement), [&](const VarDecl *V) {
              return Ends(CFGAutomaticObjDtor(V, P.Statement));
            }))
          continue;
        return P;
      }
      if (Visited.insert(S).second)
        Queue.push_back(S);
    }
    return std::nullopt;
  };

  for (const CFGPosition &Start : Starts) {
    if (!Start.Block)
      continue;
    if (ScanBlock(Start.Block, Start.Index + 1))
      if (std::optional<ExitPoint> P = Enqueue(Start.Block))
        return P;
  }
  while (!Queue.empty()) {
    const CFGBlock *B = Queue.front();
    Queue.pop_front();
    if (!ScanBlock(B, 0))
      continue;
    if (std::optional<ExitPoint> P = Enqueue(B))
      return P;
  }
  return std::nullopt;
}

bool ExitPathAnalysis::mayReach(
    CFGPosition Start,
    llvm::function_ref<bool(const CFGElement &)> Pred) const {
  if (!Start.Block)
    return false;
  for (unsigned I = Start.Index + 1, N = Start.Block->size(); I < N; ++I)
    if (Pred((*Start.Block)[I]))
      return true;
  llvm::SmallPtrSet<const CFGBlock *, 32> Visited;
  llvm::SmallVector<const CFGBlock *, 32> Work;
  auto Push = [&](const CFGBlock *From) {
    for (const CFGBlock::AdjacentBlock &Succ : From->succs())
      if (const CFGBlock *S = Succ.getReachableBlock())
        if (Visited.insert(S).second)
          Work.push_back(S);
  };
  Push(Start.Block);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    for (const CFGElement &E : *B)
      if (Pred(E))
        return true;
    Push(B);
  }
  return false;
}

const Stmt *ExitPathAnalysis::elementStatementOf(const Stmt *S) const {
  std::optional<CFGPosition> Pos = positionOf(S);
  return Pos ? statementOf((*Pos->Block)[Pos->Index]) : nullptr;
}

llvm::DenseSet<const Stmt *> ExitPathAnalysis::reachedFromEntryAvoiding(
    const llvm::DenseSet<const Stmt *> &Targets,
    const llvm::DenseSet<const Stmt *> &Stops) const {
  llvm::DenseSet<const Stmt *> Reached;
  llvm::SmallPtrSet<const CFGBlock *, 32> Visited;
  llvm::SmallVector<const CFGBlock *, 32> Work;
  Work.push_back(&Graph->getEntry());
  Visited.insert(&Graph->getEntry());
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    bool Stopped = false;
    for (const CFGElement &E : *B) {
      const Stmt *S = statementOf(E);
      if (!S)
        continue;
      if (Targets.contains(S))
        Reached.insert(S);
      if (Stops.contains(S)) {
        Stopped = true;
        break;
      }
    }
    if (Stopped)
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *N = Succ.getReachableBlock())
        if (Visited.insert(N).second)
          Work.push_back(N);
  }
  return Reached;
}

bool containsStmt(const Stmt *Outer, const Stmt *Inner) {
  if (!Outer || !Inner)
    return false;
  if (Outer == Inner)
    return true;
  for (const Stmt *Child : Outer->children())
    if (containsStmt(Child, Inner))
      return true;
  return false;
}

} // namespace clang::tidy::ctx
