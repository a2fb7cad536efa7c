//===--- QualifiedNames.cpp - ctx-tidy ------------------------------------===//

#include "lib/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::ctx {

llvm::StringRef stripLeadingColons(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name;
}

const Decl *classKey(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const ClassTemplateDecl *T = Spec->getSpecializedTemplate())
      return T->getTemplatedDecl()->getCanonicalDecl();
  if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
    return Pattern->getCanonicalDecl();
  return RD->getCanonicalDecl();
}

const Decl *resolveName(llvm::StringRef Name, const ASTContext &Ctx) {
  Name = stripLeadingColons(Name);
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  Name.split(Parts, "::");
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  const Decl *Found = nullptr;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (!DC)
      return nullptr;
    auto &Idents = const_cast<ASTContext &>(Ctx).Idents;
    DeclarationName DN(&Idents.get(Parts[I]));
    Found = nullptr;
    for (const NamedDecl *ND : DC->lookup(DN)) {
      const NamedDecl *Target = ND->getUnderlyingDecl();
      if (const auto *NS = dyn_cast<NamespaceDecl>(Target)) {
        Found = NS;
        break;
      }
      if (isa<RecordDecl, ClassTemplateDecl, TypedefNameDecl>(Target)) {
        Found = Target;
        break;
      }
      if (isa<FunctionDecl, FunctionTemplateDecl>(Target) && !Found)
        Found = Target;
    }
    if (!Found)
      return nullptr;
    if (const auto *TD = dyn_cast<TypedefNameDecl>(Found)) {
      const CXXRecordDecl *RD =
          TD->getUnderlyingType().getCanonicalType()->getAsCXXRecordDecl();
      if (!RD)
        return nullptr;
      Found = RD;
    }
    if (const auto *CT = dyn_cast<ClassTemplateDecl>(Found))
      Found = CT->getTemplatedDecl();
    DC = dyn_cast<DeclContext>(Found);
    if (const auto *RD = dyn_cast<CXXRecordDecl>(Found))
      DC = RD->getDefinition() ? RD->getDefinition() : RD;
  }
  if (const auto *RD = dyn_cast_or_null<CXXRecordDecl>(Found))
    return classKey(RD);
  return Found;
}

std::string qualifiedNameOf(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  if (const IdentifierInfo *II = D->getIdentifier())
    Parts.push_back(II->getName());
  else
    return D->getNameAsString();
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Parts.push_back(RD->getName());
    } else if (isa<FunctionDecl>(DC)) {
      break;
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

bool isValidQualifiedName(llvm::StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  if (Name.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  Name.split(Parts, "::");
  for (llvm::StringRef P : Parts) {
    if (P.empty() || !isAsciiIdentifierStart(P.front()))
      return false;
    for (char C : P)
      if (!isAsciiIdentifierContinue(C))
        return false;
  }
  return true;
}

namespace {
/// How deep the bases of a class are searched: deeper hierarchies of the
/// library types the project names do not occur.
constexpr unsigned MaxBaseDepth = 8;

bool classOrBaseNamedAt(const CXXRecordDecl *RD, llvm::StringRef Name,
                        unsigned Depth) {
  if (!RD || Depth > MaxBaseDepth)
    return false;
  if (qualifiedNameOf(RD) == Name)
    return true;
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return false;
  for (const CXXBaseSpecifier &B : Def->bases())
    if (classOrBaseNamedAt(B.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return true;
  return false;
}
} // namespace

bool classOrBaseNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return classOrBaseNamedAt(RD, Name, 0);
}

} // namespace clang::tidy::ctx
