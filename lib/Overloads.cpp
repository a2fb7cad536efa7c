//===--- Overloads.cpp - ctx-tidy -----------------------------------------===//

#include "lib/Overloads.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>

namespace clang::tidy::ctx {

namespace {

/// How deep a hierarchy of bases is searched; real ones stay far below.
constexpr unsigned MaxBaseDepth = 16;

/// The access of a member with access \p Member in a base, seen from a class
/// that derives from that base with access \p Path.
AccessSpecifier throughBase(AccessSpecifier Path, AccessSpecifier Member) {
  // A private member of a base cannot be used by the derived class at all.
  if (Member == AS_private || Member == AS_none || Path == AS_none)
    return AS_none;
  // AS_public < AS_protected < AS_private: the more restrictive wins.
  return std::max(Path, Member);
}

bool lookupIn(const CXXRecordDecl *RD, DeclarationName Name, unsigned Depth,
              llvm::SmallVectorImpl<FoundMember> &Out) {
  const CXXRecordDecl *Def = RD ? RD->getDefinition() : nullptr;
  if (!Def || Depth > MaxBaseDepth)
    return false;
  bool Found = false;
  for (const NamedDecl *D : Def->lookup(Name)) {
    Found = true;
    Out.push_back({D->getUnderlyingDecl(), D->getAccess()});
  }
  if (Found)
    return true;
  for (const CXXBaseSpecifier &B : Def->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base || B.getType()->isDependentType())
      return false;
    llvm::SmallVector<FoundMember, 4> InBase;
    if (!lookupIn(Base, Name, Depth + 1, InBase))
      return false;
    for (FoundMember M : InBase) {
      M.Access = throughBase(B.getAccessSpecifier(), M.Access);
      Out.push_back(M);
    }
  }
  return true;
}

/// True if a declaration of \p D (or of its template) comes before \p At.
bool declaredBefore(const NamedDecl *D, SourceLocation At,
                    const SourceManager &SM) {
  if (At.isInvalid())
    return true;
  for (const Decl *R : D->redecls())
    if (R->getLocation().isValid() &&
        SM.isBeforeInTranslationUnit(R->getLocation(), At))
      return true;
  return false;
}

/// True if \p Candidate can be called on whatever object \p Callee was
/// called on, or without one where \p Callee was.
bool callableLikeCallee(const FunctionDecl *Callee,
                        const FunctionDecl *Candidate) {
  const auto *CM = dyn_cast<CXXMethodDecl>(Callee);
  const auto *M = dyn_cast<CXXMethodDecl>(Candidate);
  if (!CM || !M)
    return !CM && !M;
  if (CM->isStatic() || M->isStatic())
    return M->isStatic() || !CM->isStatic();
  if (CM->isConst() && !M->isConst())
    return false;
  if (CM->isVolatile() && !M->isVolatile())
    return false;
  return CM->getRefQualifier() == M->getRefQualifier();
}

} // namespace

llvm::SmallVector<FoundMember, 4> lookupMember(const CXXRecordDecl *NamingClass,
                                               DeclarationName Name) {
  llvm::SmallVector<FoundMember, 4> Out;
  if (Name.isEmpty() || !lookupIn(NamingClass, Name, 0, Out))
    Out.clear();
  // A member reached through two paths (a virtual base) is one member.
  llvm::SmallPtrSet<const Decl *, 4> Seen;
  llvm::erase_if(Out, [&](const FoundMember &M) {
    return !Seen.insert(M.Decl->getCanonicalDecl()).second;
  });
  return Out;
}

bool isAccessibleFrom(AccessSpecifier Access, const CXXRecordDecl *NamingClass,
                      const DeclContext *From) {
  if (Access == AS_public)
    return true;
  if (Access == AS_none || !NamingClass)
    return false;
  const Decl *Naming = NamingClass->getCanonicalDecl();
  for (const DeclContext *DC = From; DC; DC = DC->getParent()) {
    const auto *RD = dyn_cast<CXXRecordDecl>(DC);
    if (!RD || RD->isLambda())
      continue;
    if (RD->getCanonicalDecl() == Naming)
      return true;
    const CXXRecordDecl *Def = RD->getDefinition();
    if (Access == AS_protected && Def && Def->isDerivedFrom(NamingClass))
      return true;
  }
  return false;
}

bool sameParameters(const FunctionDecl *A, const FunctionDecl *B,
                    const ASTContext &Ctx, int SkipInB) {
  if (!A || !B || A->isVariadic() != B->isVariadic())
    return false;
  const FunctionTemplateDecl *TA = A->getDescribedFunctionTemplate();
  const FunctionTemplateDecl *TB = B->getDescribedFunctionTemplate();
  if ((TA == nullptr) != (TB == nullptr))
    return false;
  if (TA && !Ctx.isSameTemplateParameterList(TA->getTemplateParameters(),
                                             TB->getTemplateParameters()))
    return false;
  unsigned Skipped = SkipInB >= 0 ? 1 : 0;
  if (A->getNumParams() + Skipped != B->getNumParams())
    return false;
  unsigned J = 0;
  for (unsigned I = 0; I < B->getNumParams(); ++I) {
    if (static_cast<int>(I) == SkipInB)
      continue;
    if (!Ctx.hasSameUnqualifiedType(A->getParamDecl(J)->getType(),
                                    B->getParamDecl(I)->getType()))
      return false;
    ++J;
  }
  return true;
}

llvm::SmallVector<ExtendedOverload, 1>
overloadsWithOneMore(const OverloadLookup &L,
                     llvm::function_ref<bool(const ParmVarDecl *)> IsExtra,
                     const ASTContext &Ctx) {
  llvm::SmallVector<ExtendedOverload, 1> Out;
  const FunctionDecl *Callee = L.Callee;
  if (!Callee || Callee->isInvalidDecl())
    return Out;
  const FunctionDecl *Pattern = Callee;
  if (const FunctionTemplateDecl *T = Callee->getPrimaryTemplate())
    Pattern = T->getTemplatedDecl();
  DeclarationName Name = L.Name.isEmpty() ? Callee->getDeclName() : L.Name;
  if (Name.isEmpty())
    return Out;

  // What lookup finds, with the access it has from the naming class.
  const CXXRecordDecl *Naming = nullptr;
  llvm::SmallVector<FoundMember, 4> Found;
  bool AtNamespaceScope = false;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee)) {
    Naming = L.NamingClass ? L.NamingClass : M->getParent();
    Found = lookupMember(Naming, Name);
  } else {
    const DeclContext *DC = Callee->getDeclContext()->getRedeclContext();
    if (!DC->isFileContext())
      return Out;
    AtNamespaceScope = true;
    for (const NamedDecl *D : DC->lookup(Name)) {
      // A using-declaration brings in the functions declared before it.
      if (!declaredBefore(D, L.At, Ctx.getSourceManager()))
        continue;
      Found.push_back({D->getUnderlyingDecl(), AS_public});
    }
  }

  for (const FoundMember &M : Found) {
    const FunctionDecl *F = nullptr;
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(M.Decl))
      F = T->getTemplatedDecl();
    else
      F = dyn_cast<FunctionDecl>(M.Decl);
    if (!F || F->isInvalidDecl() || F->isDeleted() ||
        F->getCanonicalDecl() == Pattern->getCanonicalDecl() ||
        F->getNumParams() != Pattern->getNumParams() + 1)
      continue;
    if (!AtNamespaceScope && !isAccessibleFrom(M.Access, Naming, L.From))
      continue;
    if (!callableLikeCallee(Callee, F))
      continue;
    for (unsigned I = 0; I < F->getNumParams(); ++I) {
      if (!IsExtra(F->getParamDecl(I)) ||
          !sameParameters(Pattern, F, Ctx, static_cast<int>(I)))
        continue;
      Out.push_back({F, I});
      break;
    }
  }
  return Out;
}

} // namespace clang::tidy::ctx
