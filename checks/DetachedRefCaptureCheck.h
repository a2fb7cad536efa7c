//===--- DetachedRefCaptureCheck.h - ctx-tidy -------------------*- C++ -*-===//

#ifndef CTX_TIDY_CHECKS_DETACHEDREFCAPTURECHECK_H
#define CTX_TIDY_CHECKS_DETACHEDREFCAPTURECHECK_H

#include "lib/DetachSites.h"
#include "lib/tidy/ContextCheckBase.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::ctx {

/// Finds lambdas that reach a token, cancel source, request context or stop
/// callback they do not own (by reference, through 'this', a raw pointer or
/// a non-owning handle) and are handed to a detached thread, a
/// fire-and-forget call, an escaping std::async, an unwaited gRPC callback or
/// a continuation whose future is discarded.
///
/// For the user-facing documentation see
/// docs/checks/ctx-detached-ref-capture.md
class DetachedRefCaptureCheck : public ContextCheckBase {
public:
  DetachedRefCaptureCheck(llvm::StringRef Name, ClangTidyContext *Context);
  ~DetachedRefCaptureCheck() override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;

private:
  void report(const DetachSite &Site, ASTContext &Ctx);

  std::string RawDetachingCalls;
  std::string RawBackgroundCalls;
  std::unique_ptr<DetachSiteFinder> Sites;
  /// (object, report location) pairs already reported: a named lambda handed
  /// to two sites is reported once.
  llvm::DenseSet<std::pair<const void *, unsigned>> Reported;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_CHECKS_DETACHEDREFCAPTURECHECK_H
