//===--- ScopeGuardFix.h - ctx-tidy -----------------------------*- C++ -*-===//
//
// Builds the text of a scope guard that runs an action when the current scope
// ends, choosing the guard the code base already uses: a user template, else
// absl::Cleanup, folly::makeGuard, gsl::finally or boost::scope::scope_exit
// when declared before the insertion point, else a dependency-free local form
// that compiles with the core language alone.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_SCOPEGUARDFIX_H
#define CTX_TIDY_LIB_SCOPEGUARDFIX_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang {
class ASTContext;
class SourceManager;
class Stmt;
} // namespace clang

namespace clang::tidy::ctx {

struct ScopeGuardRequest {
  /// The statement the guard runs, without the trailing ';':
  /// "src.request_stop()".
  std::string Action;
  /// The name of the object the guard is about, for ${handle} and for naming
  /// the guard: "src".
  std::string Handle;
  /// Where the guard will be inserted; guards declared after it are not
  /// visible there.
  SourceLocation InsertAt;
  /// Names already used in the enclosing function, to avoid a clash.
  const Stmt *EnclosingBody = nullptr;
  /// Names earlier fixes in the same function already chose.
  llvm::StringSet<> *Taken = nullptr;
};

/// Returns the guard declaration (one or more statements, each ending in ';',
/// separated by a single space), or an empty string when no guard can be
/// written. \p UserTemplate is the ScopeGuard option: a declaration with the
/// placeholders ${handle}, ${guard} and ${action} (also spelled ${cancel}).
std::string buildScopeGuard(const ScopeGuardRequest &Request,
                            const ASTContext &Ctx,
                            llvm::StringRef UserTemplate = "");

/// An insertion of \p Text at \p InsertAt on a line of its own, indented
/// like the line \p IndentLike is on: the guard written after a statement.
FixItHint insertOnNewLine(SourceLocation InsertAt, SourceLocation IndentLike,
                          llvm::StringRef Text, const SourceManager &SM);

/// Returns \p Base, or \p Base followed by a number, so that the name is not
/// declared anywhere in \p Body nor in \p Taken; the result is added to
/// \p Taken so that several fixes in one function pick different names.
std::string freshName(llvm::StringRef Base, const Stmt *Body,
                      llvm::StringSet<> *Taken = nullptr);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_SCOPEGUARDFIX_H
