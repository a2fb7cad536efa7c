//===--- ParentIndex.h - ctx-tidy -------------------------------*- C++ -*-===//
//
// The parent of each statement and declaration in the code a check reports
// on. ASTContext::getParents answers the same question, but the first call
// indexes the whole translation unit: every system header and every template
// instantiation in them. On a unit that includes Boost.Asio that first call
// takes longer than all ctx checks' own analysis together (1.5 s of a 17 s
// run on one Beast example), and whichever check asks first pays for it.
//
// This index covers only declarations outside system headers (clang-tidy
// reports nothing there unless asked to) and not template instantiations (the
// checks analyse the templates as written). It is built once per translation
// unit, on the first question, by one walk over that code. A node outside it
// has no parents, so an analysis that walks upwards from it stops, as it
// does at the top of a translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_PARENTINDEX_H
#define CTX_TIDY_LIB_PARENTINDEX_H

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"

namespace clang {
class ASTContext;
class Decl;
class Stmt;
} // namespace clang

namespace clang::tidy::ctx {

class ParentIndex {
public:
  explicit ParentIndex(ASTContext &Ctx) : Ctx(Ctx) {}

  /// The parent of \p N (a Stmt or a Decl): one node, or none at the top of
  /// the indexed code and outside it. Other node kinds have none.
  DynTypedNodeList parents(const DynTypedNode &N) const;
  DynTypedNodeList parents(const Stmt &S) const {
    return parents(DynTypedNode::create(S));
  }
  DynTypedNodeList parents(const Decl &D) const {
    return parents(DynTypedNode::create(D));
  }

  /// The single parent of \p N, or a null node.
  DynTypedNode parentOf(const DynTypedNode &N) const;

  /// The function or lambda call operator whose body contains \p S, with
  /// that body; nulls when \p S is in no function (a namespace-scope
  /// initializer) or outside the index.
  std::pair<const Decl *, const Stmt *> enclosingBody(const Stmt &S) const;

  /// How many nodes are indexed (builds the index).
  unsigned size() const;

  ASTContext &context() const { return Ctx; }

private:
  using Node = llvm::PointerUnion<const Stmt *, const Decl *>;
  void build() const;

  ASTContext &Ctx;
  mutable bool Built = false;
  mutable llvm::DenseMap<const void *, Node> Parent;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_PARENTINDEX_H
