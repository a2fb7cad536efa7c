//===--- ExitPaths.h - ctx-tidy ---------------------------------*- C++ -*-===//
//
// "Does every path from here to the function's exit pass an event?" answered
// on clang's CFG in one forward pass: each block is visited at most once, so
// the cost is linear in the size of the function. Paths that never reach an
// exit (server loops) and paths ending in a [[noreturn]] call are not exits.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_EXITPATHS_H
#define CTX_TIDY_LIB_EXITPATHS_H

#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class Decl;
class ParentMap;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// A point in the CFG: an element of a block.
struct CFGPosition {
  const CFGBlock *Block = nullptr;
  unsigned Index = 0;
};

/// How a path leaves the function without the event having happened.
struct ExitPoint {
  enum Kind { Return, Throw, FallOffEnd } How = FallOffEnd;
  /// The return, co_return or throw; null when the path falls off the end.
  const Stmt *Statement = nullptr;
};

/// The CFG of one function, lambda or coroutine body, built once, with a map
/// from statements to the CFG elements that contain them.
class ExitPathAnalysis {
public:
  /// Builds the CFG of \p Body (the body of \p D). Returns null when no CFG
  /// can be built (for instance in code with errors).
  static std::unique_ptr<ExitPathAnalysis>
  build(const Decl *D, const Stmt *Body, ASTContext &Ctx);
  ~ExitPathAnalysis();

  const CFG &cfg() const { return *Graph; }

  /// The element that evaluates \p S, or the innermost element containing
  /// it. None if \p S is not in this CFG (an unreachable statement).
  std::optional<CFGPosition> positionOf(const Stmt *S) const;

  /// Explores every path that starts right after \p Start. A path ends at the
  /// first element for which \p Ends returns true. Returns the nearest exit
  /// reached on a path that did not end that way, or none if every path that
  /// leaves the function passes such an element.
  ///
  /// A `throw` inside a `try` flows to its handlers: the edge from a try
  /// statement's dispatch block straight to the exit (an exception no handler
  /// matches) is not followed, since the CFG does not know the thrown type.
  /// A `throw` that leaves the function destroys the objects alive at it:
  /// \p Ends sees a CFGAutomaticObjDtor for each of them (the CFG itself
  /// has none on that edge), so a scope guard declared before the throw ends
  /// that path like it ends a return's.
  std::optional<ExitPoint>
  findExitAvoiding(CFGPosition Start,
                   llvm::function_ref<bool(const CFGElement &)> Ends) const;

  /// The same search from several starting points at once, still visiting
  /// each block at most once: the cost does not grow with the number of
  /// starts. Returns the exit nearest to any start.
  std::optional<ExitPoint>
  findExitAvoiding(llvm::ArrayRef<CFGPosition> Starts,
                   llvm::function_ref<bool(const CFGElement &)> Ends) const;

  /// True if some path starting right after \p Start reaches an element for
  /// which \p Pred is true.
  bool mayReach(CFGPosition Start,
                llvm::function_ref<bool(const CFGElement &)> Pred) const;

  /// The statement an element evaluates, if it is a statement element.
  static const Stmt *statementOf(const CFGElement &E);

  /// The statement of the element positionOf(\p S) finds: \p S itself or
  /// the full expression that evaluates it. Null outside this CFG.
  const Stmt *elementStatementOf(const Stmt *S) const;

  /// The element statements among \p Targets that some path from the
  /// function's entry reaches without first passing an element statement
  /// in \p Stops. Every edge is followed, exception edges too, so a target
  /// counts as reached whenever it might be. One pass over the CFG.
  llvm::DenseSet<const Stmt *>
  reachedFromEntryAvoiding(const llvm::DenseSet<const Stmt *> &Targets,
                           const llvm::DenseSet<const Stmt *> &Stops) const;

  /// The local objects of class type alive at \p S, innermost first: those
  /// declared before it in the blocks that enclose it.
  llvm::SmallVector<const VarDecl *, 4> objectsAliveAt(const Stmt *S) const;

private:
  ExitPathAnalysis() = default;
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<ParentMap> Parents;
  llvm::DenseMap<const Stmt *, CFGPosition> ElementOf;
};

/// True if \p Inner is \p Outer or one of its descendants.
bool containsStmt(const Stmt *Outer, const Stmt *Inner);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_EXITPATHS_H
