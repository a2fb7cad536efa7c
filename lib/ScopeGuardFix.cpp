//===--- ScopeGuardFix.cpp - ctx-tidy -------------------------------------===//

#include "lib/ScopeGuardFix.h"
#include "lib/ContextModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::ctx {

namespace {

class DeclaredNames : public RecursiveASTVisitor<DeclaredNames> {
public:
  llvm::StringSet<> Names;
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getIdentifier())
      Names.insert(E->getDecl()->getName());
    return true;
  }
  // A member named through an implicit `this` would be hidden by a local of
  // the same name.
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }
};

bool visibleAt(llvm::StringRef Name, SourceLocation Loc,
               const ASTContext &Ctx) {
  const Decl *D = resolveName(Name, Ctx);
  if (!D)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation DeclLoc = SM.getExpansionLoc(D->getLocation());
  return Loc.isInvalid() ||
         SM.isBeforeInTranslationUnit(DeclLoc, SM.getExpansionLoc(Loc));
}

std::string capitalized(llvm::StringRef S) {
  std::string R = S.str();
  if (!R.empty() && R[0] >= 'a' && R[0] <= 'z')
    R[0] = static_cast<char>(R[0] - 'a' + 'A');
  return R;
}

void replaceAll(std::string &S, llvm::StringRef From, llvm::StringRef To) {
  for (size_t Pos = S.find(From.str()); Pos != std::string::npos;
       Pos = S.find(From.str(), Pos + To.size()))
    S.replace(Pos, From.size(), To.str());
}

/// The blanks that start the line \p Loc is on.
llvm::StringRef indentationOf(SourceLocation Loc, const SourceManager &SM) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return "";
  unsigned Offset = SM.getFileOffset(Loc);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  return Buffer.substr(LineStart, Offset - LineStart).take_while([](char C) {
    return C == ' ' || C == '\t';
  });
}

} // namespace

FixItHint insertOnNewLine(SourceLocation InsertAt, SourceLocation IndentLike,
                          llvm::StringRef Text, const SourceManager &SM) {
  return FixItHint::CreateInsertion(
      InsertAt, ("\n" + indentationOf(IndentLike, SM) + Text).str());
}

std::string freshName(llvm::StringRef Base, const Stmt *Body,
                      llvm::StringSet<> *Taken) {
  DeclaredNames V;
  if (Body)
    V.TraverseStmt(const_cast<Stmt *>(Body));
  auto Used = [&](const std::string &N) {
    return V.Names.contains(N) || (Taken && Taken->contains(N));
  };
  std::string Name = Base.str();
  for (unsigned N = 2; Used(Name); ++N)
    Name = (Base + llvm::Twine(N)).str();
  if (Taken)
    Taken->insert(Name);
  return Name;
}

std::string buildScopeGuard(const ScopeGuardRequest &R, const ASTContext &Ctx,
                            llvm::StringRef UserTemplate) {
  if (R.Action.empty() || R.Handle.empty())
    return "";
  const LangOptions &LO = Ctx.getLangOpts();
  std::string Guard =
      freshName("cancel" + capitalized(R.Handle), R.EnclosingBody, R.Taken);
  std::string Lambda = "[&] { " + R.Action + "; }";

  if (!UserTemplate.trim().empty()) {
    std::string Out = UserTemplate.trim().str();
    replaceAll(Out, "${handle}", R.Handle);
    replaceAll(Out, "${guard}", Guard);
    replaceAll(Out, "${action}", R.Action);
    replaceAll(Out, "${cancel}", R.Action);
    if (!llvm::StringRef(Out).ends_with(";"))
      Out += ";";
    return Out;
  }
  if (visibleAt("absl::Cleanup", R.InsertAt, Ctx)) {
    if (LO.CPlusPlus17)
      return "absl::Cleanup " + Guard + " = " + Lambda + ";";
    return "auto " + Guard + " = absl::MakeCleanup(" + Lambda + ");";
  }
  if (visibleAt("folly::makeGuard", R.InsertAt, Ctx))
    return "auto " + Guard + " = folly::makeGuard(" + Lambda + ");";
  if (visibleAt("gsl::finally", R.InsertAt, Ctx))
    return "auto " + Guard + " = gsl::finally(" + Lambda + ");";
  if (LO.CPlusPlus17 && visibleAt("boost::scope::scope_exit", R.InsertAt, Ctx))
    return "boost::scope::scope_exit " + Guard + "(" + Lambda + ");";

  // Core language only: a lambda and a local class whose destructor calls it.
  std::string Fn = freshName(Guard + "Fn", R.EnclosingBody, R.Taken);
  std::string Type = capitalized(Guard);
  return "auto " + Fn + " = " + Lambda + "; struct " + Type + " { decltype(" +
         Fn + ") &Run; ~" + Type + "() { Run(); } } " + Guard + "{" + Fn + "};";
}

} // namespace clang::tidy::ctx
