//===--- ParentIndex.cpp - ctx-tidy ---------------------------------------===//

#include "lib/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::ctx {

namespace {

/// One walk that keeps the chain of open Stmt and Decl nodes; each node's
/// parent is the innermost open one when the node is entered. Statements go
/// through the visitor's own work queue (dataTraverseStmtPre/Post), so deep
/// expressions do not deepen the call stack.
class Builder : public RecursiveASTVisitor<Builder> {
  using Base = RecursiveASTVisitor<Builder>;
  using Node = llvm::PointerUnion<const Stmt *, const Decl *>;

public:
  Builder(const SourceManager &SM, llvm::DenseMap<const void *, Node> &Parent)
      : SM(SM), Parent(Parent) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(
            D) &&
        D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation()))
      return true;
    record(D);
    Open.push_back(D);
    bool Result = Base::TraverseDecl(D);
    Open.pop_back();
    return Result;
  }

  bool dataTraverseStmtPre(Stmt *S) {
    record(S);
    Open.push_back(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Open.pop_back();
    return true;
  }

private:
  void record(const void *Key) {
    if (!Open.empty())
      Parent.try_emplace(Key, Open.back());
  }

  const SourceManager &SM;
  llvm::DenseMap<const void *, Node> &Parent;
  llvm::SmallVector<Node, 64> Open;
};

DynTypedNode toDyn(llvm::PointerUnion<const Stmt *, const Decl *> N) {
  if (const auto *S = dyn_cast<const Stmt *>(N))
    return DynTypedNode::create(*S);
  return DynTypedNode::create(*cast<const Decl *>(N));
}

} // namespace

void ParentIndex::build() const {
  if (Built)
    return;
  Built = true;
  Builder B(Ctx.getSourceManager(), Parent);
  B.TraverseDecl(Ctx.getTranslationUnitDecl());
}

DynTypedNode ParentIndex::parentOf(const DynTypedNode &N) const {
  const void *Key = nullptr;
  if (const auto *S = N.get<Stmt>())
    Key = S;
  else if (const auto *D = N.get<Decl>())
    Key = D;
  if (!Key)
    return DynTypedNode();
  build();
  auto It = Parent.find(Key);
  if (It == Parent.end() ||
      isa_and_nonnull<TranslationUnitDecl>(dyn_cast<const Decl *>(It->second)))
    return DynTypedNode();
  return toDyn(It->second);
}

DynTypedNodeList ParentIndex::parents(const DynTypedNode &N) const {
  DynTypedNode P = parentOf(N);
  if (P.getNodeKind().isNone())
    return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
  return DynTypedNodeList(P);
}

std::pair<const Decl *, const Stmt *>
ParentIndex::enclosingBody(const Stmt &S) const {
  DynTypedNode Cur = DynTypedNode::create(S);
  // Bounded: the parent chain of an indexed node ends at a namespace-scope
  // declaration, but a malformed tree must not loop.
  for (unsigned Depth = 0; Depth < 4096; ++Depth) {
    DynTypedNode P = parentOf(Cur);
    if (P.getNodeKind().isNone())
      return {nullptr, nullptr};
    if (const auto *L = P.get<LambdaExpr>()) {
      if (Cur.get<Stmt>() == L->getBody())
        return {L->getCallOperator(), L->getBody()};
    } else if (const auto *FD = P.get<FunctionDecl>()) {
      return {FD, FD->getBody()};
    } else if (P.get<BlockDecl>() || P.get<CapturedDecl>() ||
               P.get<ObjCMethodDecl>()) {
      return {nullptr, nullptr};
    }
    Cur = P;
  }
  return {nullptr, nullptr};
}

unsigned ParentIndex::size() const {
  build();
  return Parent.size();
}

} // namespace clang::tidy::ctx
