//===--- Overloads.cpp - ctx-tidy -----------------------------------------===//

#include "lib/Overloads.h"
#include "lib/ClangCompat.h"
#include "lib/ContextModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
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

/// The functions the lookup \p L finds (see the file comment) with one
/// parameter more than the callee's pattern \p Pattern, callable like the
/// callee, accessible, not deleted; the callee itself left out.
llvm::SmallVector<const FunctionDecl *, 4>
candidatesWithOneMore(const OverloadLookup &L, const FunctionDecl *Pattern,
                      const ASTContext &Ctx);

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
  for (const FunctionDecl *F : candidatesWithOneMore(L, Pattern, Ctx)) {
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

namespace {

llvm::SmallVector<const FunctionDecl *, 4>
candidatesWithOneMore(const OverloadLookup &L, const FunctionDecl *Pattern,
                      const ASTContext &Ctx) {
  llvm::SmallVector<const FunctionDecl *, 4> Out;
  const FunctionDecl *Callee = L.Callee;
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
    Out.push_back(F);
  }
  return Out;
}

/// \p T as a call sees it: as is when it does not depend on a template
/// parameter; `typename P::name` with P a type parameter of \p Template
/// that has a default naming a class, that class's member type `name`
/// (`typename Clock::duration` with `Clock = steady_clock_type`). Null
/// otherwise.
QualType resolvedThroughDefaults(QualType T,
                                 const FunctionTemplateDecl *Template) {
  if (T.isNull() || !T->isDependentType())
    return T;
  if (!Template)
    return QualType();
  const auto *DN = T->getAs<DependentNameType>();
  const Type *Q = dependentNameQualifierType(DN);
  const auto *Parm = Q ? Q->getAs<TemplateTypeParmType>() : nullptr;
  const TemplateParameterList *TPL = Template->getTemplateParameters();
  if (!Parm || !DN->getIdentifier() || Parm->getDepth() != TPL->getDepth() ||
      Parm->getIndex() >= TPL->size())
    return QualType();
  const auto *TTP =
      dyn_cast<TemplateTypeParmDecl>(TPL->getParam(Parm->getIndex()));
  if (!TTP || !TTP->hasDefaultArgument())
    return QualType();
  const TemplateArgument &Default = TTP->getDefaultArgument().getArgument();
  if (Default.getKind() != TemplateArgument::Type ||
      Default.getAsType()->isDependentType())
    return QualType();
  for (const FoundMember &M :
       lookupMember(Default.getAsType()->getAsCXXRecordDecl(),
                    DeclarationName(DN->getIdentifier())))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(M.Decl);
        TD && M.Access == AS_public &&
        !TD->getUnderlyingType()->isDependentType())
      return TD->getUnderlyingType();
  return QualType();
}

/// True if the argument \p Arg, as the call evaluates it, initializes a
/// parameter of type \p Param of \p Template's pattern as it is, or as a
/// duration that converts implicitly.
bool bindsAsWritten(const Expr *Arg, QualType Param,
                    const FunctionTemplateDecl *Template,
                    const ASTContext &Ctx) {
  if (!Arg || Param.isNull() || Param->isRValueReferenceType())
    return false;
  QualType P = Param.getNonReferenceType();
  if (Param->isLValueReferenceType() && !P.isConstQualified())
    return false;
  QualType R = resolvedThroughDefaults(P.getUnqualifiedType(), Template);
  QualType A = Arg->getType();
  if (R.isNull() || A.isNull() || A->isDependentType() || R->isDependentType())
    return false;
  return Ctx.hasSameUnqualifiedType(A, R) || durationConvertsImplicitly(A, R);
}

/// True if a call of \p Template's pattern that names no template
/// arguments can deduce or default every template parameter: each has a
/// default or is, references and cv-qualifiers looked through, the type of
/// a parameter. No packs.
bool everyTemplateParameterKnown(const FunctionTemplateDecl *Template) {
  const FunctionDecl *F = Template->getTemplatedDecl();
  for (const NamedDecl *P : *Template->getTemplateParameters()) {
    if (P->isTemplateParameterPack())
      return false;
    if (const auto *TTP = dyn_cast<TemplateTypeParmDecl>(P)) {
      if (TTP->hasDefaultArgument())
        continue;
      bool Deduced = llvm::any_of(F->parameters(), [&](const ParmVarDecl *PV) {
        const auto *T =
            PV->getType().getNonReferenceType()->getAs<TemplateTypeParmType>();
        return T && T->getDecl() == TTP;
      });
      if (Deduced)
        continue;
      return false;
    }
    if (const auto *NTTP = dyn_cast<NonTypeTemplateParmDecl>(P))
      if (NTTP->hasDefaultArgument())
        continue;
    return false;
  }
  return true;
}

/// True if \p Call names its callee with explicit template arguments
/// (`sleep<lowres_clock>(d)`).
bool hasExplicitTemplateArguments(const CallExpr *Call) {
  const Expr *Callee =
      Call->getCallee() ? Call->getCallee()->IgnoreParenImpCasts() : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Callee))
    return DRE->hasExplicitTemplateArgs();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Callee))
    return ME->hasExplicitTemplateArgs();
  return false;
}

} // namespace

llvm::SmallVector<TokenVariant, 1>
tokenVariantsFor(const CallExpr *Call, const OverloadLookup &L,
                 llvm::function_ref<bool(const ParmVarDecl *)> IsToken,
                 const ASTContext &Ctx) {
  llvm::SmallVector<TokenVariant, 1> Out;
  const FunctionDecl *Callee = L.Callee;
  if (!Call || !Callee || Callee->isInvalidDecl() || L.Name.isEmpty())
    return Out;
  const FunctionDecl *Pattern = Callee;
  if (const FunctionTemplateDecl *T = Callee->getPrimaryTemplate())
    Pattern = T->getTemplatedDecl();
  for (const FunctionDecl *F : candidatesWithOneMore(L, Pattern, Ctx)) {
    if (F->isVariadic())
      continue;
    llvm::SmallVector<unsigned, 1> Tokens;
    for (unsigned I = 0; I < F->getNumParams(); ++I)
      if (IsToken(F->getParamDecl(I)))
        Tokens.push_back(I);
    if (Tokens.size() != 1)
      continue;
    TokenVariant V;
    V.Function = F;
    V.TokenIndex = Tokens.front();
    const FunctionTemplateDecl *Template = F->getDescribedFunctionTemplate();
    bool Appendable = V.TokenIndex + 1 == F->getNumParams() &&
                      Call->getNumArgs() == Callee->getNumParams() &&
                      !hasExplicitTemplateArguments(Call) &&
                      (!Template || everyTemplateParameterKnown(Template));
    for (unsigned I = 0; Appendable && I < Call->getNumArgs(); ++I)
      Appendable = !isa<CXXDefaultArgExpr>(Call->getArg(I)) &&
                   bindsAsWritten(Call->getArg(I),
                                  F->getParamDecl(I)->getType(), Template, Ctx);
    if (Appendable) {
      QualType Returns = resolvedThroughDefaults(F->getReturnType(), Template);
      Appendable = !Returns.isNull() &&
                   !Callee->getReturnType()->isDependentType() &&
                   Ctx.hasSameType(Returns, Callee->getReturnType());
    }
    V.Appendable = Appendable;
    Out.push_back(V);
  }
  return Out;
}

} // namespace clang::tidy::ctx
