//===--- FunctionNameSet.cpp - ctx-tidy -----------------------------------===//

#include "lib/FunctionNameSet.h"
#include "lib/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::ctx {

namespace {

/// The declaration a callable name is compared by: the function (the
/// pattern, for templates), or the variable of a function object such as
/// unifex::sync_wait.
const Decl *functionKey(const Decl *D) {
  D = cast<NamedDecl>(D)->getUnderlyingDecl();
  if (const auto *V = dyn_cast<VarDecl>(D))
    return V->getCanonicalDecl();
  if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
    D = FT->getTemplatedDecl();
  if (const auto *F = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionTemplateDecl *T = F->getPrimaryTemplate())
      F = T->getTemplatedDecl();
    return F->getCanonicalDecl();
  }
  return nullptr;
}

} // namespace

void FunctionNameSet::add(llvm::StringRef QualifiedName) {
  QualifiedName = stripLeadingColons(QualifiedName);
  if (QualifiedName.empty())
    return;
  Names.push_back(QualifiedName.str());
  size_t Pos = QualifiedName.rfind("::");
  if (Derived == DerivedClasses::Included && Pos != llvm::StringRef::npos)
    Methods.emplace_back(QualifiedName.take_front(Pos).str(),
                         QualifiedName.drop_front(Pos + 2).str());
  BoundTo = nullptr;
}

void FunctionNameSet::bind(const ASTContext &Ctx) const {
  if (BoundTo == &Ctx)
    return;
  BoundTo = &Ctx;
  Resolved.clear();
  auto &Idents = const_cast<ASTContext &>(Ctx).Idents;
  for (const std::string &Name : Names) {
    llvm::StringRef N(Name);
    size_t Pos = N.rfind("::");
    if (Pos == llvm::StringRef::npos)
      continue;
    const auto *DC =
        dyn_cast_or_null<DeclContext>(resolveName(N.take_front(Pos), Ctx));
    if (!DC)
      continue;
    // Every overload, seen through using-declarations of a detail namespace.
    for (const NamedDecl *ND :
         DC->lookup(DeclarationName(&Idents.get(N.drop_front(Pos + 2))))) {
      if (const auto *Using = dyn_cast<UsingDecl>(ND)) {
        for (const UsingShadowDecl *Shadow : Using->shadows())
          if (const Decl *K = functionKey(Shadow->getTargetDecl()))
            Resolved.insert(K);
        continue;
      }
      if (const Decl *K = functionKey(ND))
        Resolved.insert(K);
    }
  }
}

bool FunctionNameSet::inDerivedClass(const FunctionDecl *F) const {
  const auto *M = dyn_cast<CXXMethodDecl>(F);
  if (!M || !M->getIdentifier())
    return false;
  for (const auto &[Class, Method] : Methods)
    if (M->getName() == Method && classOrBaseNamed(M->getParent(), Class))
      return true;
  return false;
}

bool FunctionNameSet::contains(const FunctionDecl *F,
                               const ASTContext &Ctx) const {
  if (!F || Names.empty())
    return false;
  bind(Ctx);
  if (Resolved.contains(functionKey(F)))
    return true;
  if (!F->getIdentifier())
    return false;
  return llvm::is_contained(Names, qualifiedNameOf(F)) || inDerivedClass(F);
}

bool FunctionNameSet::containsCallee(const Expr *Call,
                                     const ASTContext &Ctx) const {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE)
    return false;
  // A function object: `unifex::sync_wait(sender)`.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
          bind(Ctx);
          return Resolved.contains(V->getCanonicalDecl()) ||
                 llvm::is_contained(Names, qualifiedNameOf(V));
        }
  if (const FunctionDecl *F = CE->getDirectCallee())
    return contains(F, Ctx);
  // A call with dependent arguments in a template, `f(x)` or `obj.f(x)`:
  // any candidate counts.
  if (const auto *OE =
          dyn_cast_or_null<OverloadExpr>(CE->getCallee()->IgnoreImplicit()))
    for (const NamedDecl *ND : OE->decls())
      if (const auto *F = dyn_cast_or_null<FunctionDecl>(functionKey(ND)))
        if (contains(F, Ctx))
          return true;
  return false;
}

} // namespace clang::tidy::ctx
