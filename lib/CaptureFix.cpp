//===--- CaptureFix.cpp - ctx-tidy ----------------------------------------===//

#include "lib/CaptureFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

namespace {

/// The '&' of a by-reference capture whose name is at \p NameLoc, with the
/// blanks up to the name: the text to delete to capture by copy.
std::optional<CharSourceRange> ampersandOf(SourceLocation NameLoc,
                                           const SourceManager &SM) {
  if (NameLoc.isInvalid() || NameLoc.isMacroID())
    return std::nullopt;
  auto [FID, Offset] = SM.getDecomposedLoc(NameLoc);
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset > Buf.size())
    return std::nullopt;
  if (Offset < Buf.size() && Buf[Offset] == '&') {
    // The location is the '&' itself.
    unsigned End = Offset + 1;
    while (End < Buf.size() && isWhitespace(Buf[End]))
      ++End;
    return CharSourceRange::getCharRange(
        NameLoc, NameLoc.getLocWithOffset(static_cast<int>(End - Offset)));
  }
  unsigned I = Offset;
  while (I > 0 && isWhitespace(Buf[I - 1]))
    --I;
  if (I == 0 || Buf[I - 1] != '&')
    return std::nullopt;
  return CharSourceRange::getCharRange(
      NameLoc.getLocWithOffset(-static_cast<int>(Offset - I + 1)), NameLoc);
}

bool isAssignmentTo(const Stmt *S, const ValueDecl *VD) {
  auto Names = [&](const Expr *E) {
    const auto *DRE =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    return DRE && DRE->getDecl() == VD;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() && Names(BO->getLHS());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    return Op->isAssignmentOp() && Op->getNumArgs() > 0 && Names(Op->getArg(0));
  if (const auto *C = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = C->getDirectCallee())
      if (FD->getIdentifier() && FD->getName() == "swap")
        for (const Expr *A : C->arguments())
          if (Names(A))
            return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "swap" &&
          Names(MC->getImplicitObjectArgument()))
        return true;
  return false;
}

/// True if \p VD is assigned to anywhere in \p Body (other than its
/// initialization): a copy would then see a different object.
bool isReassigned(const ValueDecl *VD, const Stmt *Body) {
  if (!Body)
    return true;
  if (isAssignmentTo(Body, VD))
    return true;
  for (const Stmt *Child : Body->children())
    if (Child && isReassigned(VD, Child))
      return true;
  return false;
}

/// Names declared or referred to in \p S, to choose a capture name that
/// hides nothing.
void collectNames(const Stmt *S, llvm::StringSet<> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (const IdentifierInfo *II = DRE->getDecl()->getIdentifier())
      Out.insert(II->getName());
  } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
    if (const IdentifierInfo *II = ME->getMemberDecl()->getIdentifier())
      Out.insert(II->getName());
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        if (const IdentifierInfo *II = ND->getIdentifier())
          Out.insert(II->getName());
  }
  for (const Stmt *Child : S->children())
    collectNames(Child, Out);
}

/// "tok_" -> "tok", "m_token" -> "token", "Token" -> "token".
std::string copyNameFor(llvm::StringRef Member) {
  llvm::StringRef N = Member;
  N.consume_front("m_");
  while (N.ends_with("_"))
    N = N.drop_back();
  while (N.starts_with("_"))
    N = N.drop_front();
  std::string Name = N.str();
  if (Name == Member && !Name.empty() && isUppercase(Name.front()))
    Name.front() = toLowercase(Name.front());
  return Name;
}

bool usedInNestedLambda(const ValueDecl *Object, const Stmt *S, bool Nested) {
  if (!S)
    return false;
  if (Nested) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == Object)
        return true;
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == Object)
        return true;
  }
  bool Inner = Nested || isa<LambdaExpr>(S);
  for (const Stmt *Child : S->children())
    if (usedInNestedLambda(Object, Child, Inner))
      return true;
  return false;
}

} // namespace

CaptureFix buildCaptureFix(const LambdaExpr *L,
                           llvm::ArrayRef<ContextReach> Reaches,
                           const ParentIndex &Parents) {
  ASTContext &Ctx = Parents.context();
  CaptureFix Result;
  if (!L)
    return Result;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Stmt *Body = L->getBody();
  const Stmt *Outer = Parents.enclosingBody(*L).second;
  if (!Body || !Outer)
    return Result;

  llvm::SmallVector<FixItHint, 4> Edits;
  std::string AfterDefault; // ", tok, src"
  std::string AfterThis;    // ", tok = tok_" next to an explicit this
  bool NeedMutable = false;
  llvm::StringSet<> Names;
  collectNames(Body, Names);
  for (const LambdaCapture &C : L->captures())
    if (C.capturesVariable())
      if (const IdentifierInfo *II = C.getCapturedVar()->getIdentifier())
        Names.insert(II->getName());
  if (const CXXMethodDecl *Call = L->getCallOperator())
    for (const ParmVarDecl *P : Call->parameters())
      if (const IdentifierInfo *II = P->getIdentifier())
        Names.insert(II->getName());

  for (const ContextReach &R : Reaches) {
    if (!R.CopyOwns)
      continue;
    switch (R.Way) {
    case ReachWay::ByReference:
    case ReachWay::DefaultByReference: {
      const ValueDecl *Named =
          R.Capture ? R.Capture->getCapturedVar() : R.Object;
      if (!Named || isa<FieldDecl>(R.Object) || isReassigned(R.Object, Outer))
        continue;
      bool Ok = true, Mutates = false;
      for (const Expr *Use : usesOf(Named, Body)) {
        CopyUse U = classifyCopyUse(Use, Parents);
        Ok &= U != CopyUse::Other;
        Mutates |= U == CopyUse::NonConstCall;
      }
      if (!Ok)
        continue;
      if (R.Way == ReachWay::ByReference) {
        if (!R.Capture)
          continue;
        std::optional<CharSourceRange> Amp =
            ampersandOf(R.Capture->getLocation(), SM);
        if (!Amp)
          continue;
        Edits.push_back(FixItHint::CreateRemoval(*Amp));
      } else {
        if (L->getCaptureDefault() != LCD_ByRef || !R.Object->getIdentifier())
          continue;
        AfterDefault += (", " + R.Object->getName()).str();
      }
      NeedMutable |= Mutates;
      Result.Fixed.insert(R.Object);
      break;
    }
    case ReachWay::ThroughThis: {
      const auto *FD = dyn_cast<FieldDecl>(R.Object);
      if (!FD || !FD->getIdentifier() || usedInNestedLambda(FD, Body, false))
        continue;
      llvm::SmallVector<const Expr *, 4> Uses = usesOf(FD, Body);
      bool AllReads = !Uses.empty();
      for (const Expr *Use : Uses)
        AllReads &= classifyCopyUse(Use, Parents) == CopyUse::Read;
      if (!AllReads)
        continue;
      std::string Name = copyNameFor(FD->getName());
      if (Name.empty() || Names.contains(Name) ||
          !isAsciiIdentifierStart(Name.front()))
        Name = FD->getName().str();
      Names.insert(Name);
      std::string Capture = (", " + Name + " = " + FD->getName()).str();
      if (R.Capture)
        AfterThis += Capture;
      else if (L->getCaptureDefault() != LCD_None)
        AfterDefault += Capture;
      else
        continue;
      for (const Expr *Use : Uses) {
        const auto *ME = cast<MemberExpr>(Use);
        if (ME->isImplicitAccess()) {
          if (Name != FD->getName())
            Edits.push_back(FixItHint::CreateReplacement(
                CharSourceRange::getTokenRange(ME->getMemberLoc()), Name));
        } else {
          Edits.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(ME->getSourceRange()), Name));
        }
      }
      Result.Fixed.insert(R.Object);
      break;
    }
    default:
      break;
    }
  }
  if (Result.Fixed.empty())
    return Result;

  if (!AfterDefault.empty()) {
    SourceLocation D = L->getCaptureDefaultLoc();
    if (D.isInvalid())
      return CaptureFix();
    Edits.push_back(
        FixItHint::CreateInsertion(D.getLocWithOffset(1), AfterDefault));
  }
  if (!AfterThis.empty()) {
    const LambdaCapture *ThisC = nullptr;
    for (const LambdaCapture &C : L->captures())
      if (C.capturesThis() && C.isExplicit())
        ThisC = &C;
    if (!ThisC)
      return CaptureFix();
    SourceLocation End =
        Lexer::getLocForEndOfToken(ThisC->getLocation(), 0, SM, LO);
    if (End.isInvalid())
      return CaptureFix();
    Edits.push_back(FixItHint::CreateInsertion(End, AfterThis));
  }
  if (NeedMutable && !L->isMutable()) {
    if (L->hasExplicitParameters()) {
      const CXXMethodDecl *Call = L->getCallOperator();
      const TypeSourceInfo *TSI = Call ? Call->getTypeSourceInfo() : nullptr;
      FunctionTypeLoc FTL =
          TSI ? TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>()
              : FunctionTypeLoc();
      if (!FTL || FTL.getRParenLoc().isInvalid())
        return CaptureFix();
      Edits.push_back(FixItHint::CreateInsertion(
          FTL.getRParenLoc().getLocWithOffset(1), " mutable"));
    } else {
      SourceLocation Close = L->getIntroducerRange().getEnd();
      if (Close.isInvalid())
        return CaptureFix();
      Edits.push_back(
          FixItHint::CreateInsertion(Close.getLocWithOffset(1), "() mutable"));
    }
  }
  for (const FixItHint &H : Edits)
    if (H.RemoveRange.getBegin().isMacroID() ||
        H.RemoveRange.getEnd().isMacroID())
      return CaptureFix();
  Result.Edits = std::move(Edits);
  return Result;
}

std::optional<FixItHint> buildBoundCopyFix(const ContextReach &R,
                                           const ParmVarDecl *Parameter,
                                           ASTContext &Ctx) {
  if (R.Way != ReachWay::BoundByReference || !R.CopyOwns || !R.BoundRef ||
      !Parameter)
    return std::nullopt;
  QualType T = Parameter->getType();
  if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
    return std::nullopt;
  if (T->isRValueReferenceType())
    return std::nullopt;
  const Expr *Arg = R.BoundRef->getArg(0);
  SourceRange Whole = R.BoundRef->getSourceRange();
  if (Whole.getBegin().isMacroID() || Whole.getEnd().isMacroID() ||
      Arg->getBeginLoc().isMacroID() || Arg->getEndLoc().isMacroID())
    return std::nullopt;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Arg->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Whole),
                                      Text);
}

} // namespace clang::tidy::ctx
