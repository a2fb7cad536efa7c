//===--- ContextCheckBase.cpp - ctx-tidy ----------------------------------===//

#include "lib/tidy/ContextCheckBase.h"
#include "lib/ExprShapes.h"

namespace clang::tidy::ctx {

namespace {
struct TypeOption {
  const char *Key;
  ContextRole Role;
};
const TypeOption TypeOptions[] = {
    {"TokenTypes", ContextRole::Token},
    {"CancelSourceTypes", ContextRole::CancelSource},
    {"ContextTypes", ContextRole::RequestContext},
    {"CallbackTypes", ContextRole::StopCallback},
    {"ScopeGuardTypes", ContextRole::ScopeGuard},
};
} // namespace

std::vector<std::string> splitOptionList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::vector<std::string>
ContextCheckBase::readNameList(llvm::StringRef Key, bool Global,
                               llvm::StringRef Default) {
  llvm::StringRef Raw = Global ? Options.getLocalOrGlobal(Key, Default)
                               : Options.get(Key, Default);
  ModelOptions.emplace_back(Key.str(), Raw.str());
  std::vector<std::string> Names;
  for (std::string &N : splitOptionList(Raw)) {
    if (!isValidQualifiedName(N)) {
      configurationDiag("invalid entry '%0' in option '%1' of check '%2': "
                        "expected a qualified name such as 'ns::Name'")
          << N << Key << this->getID();
      continue;
    }
    Names.push_back(std::move(N));
  }
  return Names;
}

ContextCheckBase::ContextCheckBase(llvm::StringRef Name,
                                   ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  for (const TypeOption &O : TypeOptions)
    for (const std::string &N : readNameList(O.Key, /*Global=*/true))
      Model.addType(O.Role, N);
  // Method lists name the class too: "ns::Class::method".
  auto ReadMethods = [this](llvm::StringRef Key, auto Add) {
    for (const std::string &N : readNameList(Key, /*Global=*/true)) {
      if (!llvm::StringRef(N).contains("::")) {
        configurationDiag("invalid entry '%0' in option '%1' of check '%2': "
                          "expected 'Class::method'")
            << N << Key << this->getID();
        continue;
      }
      (Model.*Add)(N);
    }
  };
  ReadMethods("CancelMethods", &ContextModel::addCancelMethod);
  ReadMethods("TokenMethods", &ContextModel::addTokenMethod);
  ReadMethods("ObserveMethods", &ContextModel::addObserveMethod);
  for (const std::string &N : readNameList("CancelFactories", true))
    Model.addCancelFactory(N);
  for (const std::string &N : readNameList("DerivingFunctions", true))
    Model.addDerivingFunction(N);
  for (const std::string &N : readNameList("RootContexts", true))
    Model.addRootContext(N);
}

void ContextCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Key, Value] : ModelOptions)
    Options.store(Opts, Key, Value);
}

std::string ContextCheckBase::readScopeGuardOption() {
  std::string Value(Options.getLocalOrGlobal("ScopeGuard", ""));
  ModelOptions.emplace_back("ScopeGuard", Value);
  return Value;
}

void ContextCheckBase::onStartOfTranslationUnit() {
  Parents.reset();
  ChosenNames.clear();
}

const ParentIndex &ContextCheckBase::parents(ASTContext &Ctx) {
  if (!Parents || &Parents->context() != &Ctx)
    Parents = std::make_unique<ParentIndex>(Ctx);
  return *Parents;
}

unsigned ContextCheckBase::receivedNounIndex(const ContextTypeInfo *Info) {
  if (!Info)
    return 0;
  switch (Info->Role) {
  case ContextRole::RequestContext:
    return 1;
  case ContextRole::CancelSource:
    return 2;
  default:
    return 0;
  }
}

void ContextCheckBase::registerBodyMatchers(ast_matchers::MatchFinder *Finder) {
  using namespace ast_matchers;
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

std::optional<ContextCheckBase::MatchedBody>
ContextCheckBase::bodyOf(const ast_matchers::MatchFinder::MatchResult &Result,
                         bool SkipSystemHeaders) const {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (FD->isInvalidDecl() || !FD->hasBody() || isInInstantiation(FD))
      return std::nullopt;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        return std::nullopt; // Analysed through its LambdaExpr.
    if (SkipSystemHeaders && SM.isInSystemHeader(FD->getLocation()))
      return std::nullopt;
    return MatchedBody{FD, nullptr, FD->getBody()};
  }
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    const CXXMethodDecl *Op = L->getCallOperator();
    if (!Op || Op->isInvalidDecl() || !L->getBody() || isInInstantiation(Op))
      return std::nullopt;
    if (SkipSystemHeaders && SM.isInSystemHeader(L->getBeginLoc()))
      return std::nullopt;
    return MatchedBody{Op, L, L->getBody()};
  }
  return std::nullopt;
}

llvm::SmallVector<ReceivedToken, 2>
ContextCheckBase::receivedTokensOf(const MatchedBody &B,
                                   ASTContext &Ctx) const {
  return B.Lambda ? receivedTokens(B.Lambda, Model, Ctx)
                  : receivedTokens(B.Fn, Model, Ctx);
}

} // namespace clang::tidy::ctx
