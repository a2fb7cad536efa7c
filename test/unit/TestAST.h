//===--- TestAST.h - ctx-tidy unit tests ------------------------*- C++ -*-===//
//
// One translation unit built from a snippet, for the unit tests of lib/, and
// the stand-in declarations of the library types the analyses know.
//
// The stand-ins declare the real classes under their real names with the
// signatures of the versions the project tests against (libstdc++ 12,
// Boost 1.81, gRPC 1.51, oneTBB 2021.8; for folly, cppcoro, libunifex and
// PPL the upstream versions test/Inputs/README.md cites), cut down to what
// the analyses look at, so that a test parses in milliseconds. The lit suite
// runs against the real headers.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_TEST_UNIT_TESTAST_H
#define CTX_TIDY_TEST_UNIT_TESTAST_H

#include "lib/ContextModel.h"
#include "lib/ParentIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Frontend/ASTUnit.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::ctx::test {

/// The stand-in declarations (see the file comment).
llvm::StringRef standIns();

/// A translation unit and the lookups the tests make in it.
class TestAST {
public:
  struct Options {
    /// The language standard flag.
    std::string Std = "-std=c++20";
    /// Put standIns() before the snippet.
    bool StandIns = true;
    /// Further compiler flags.
    std::vector<std::string> Flags;
  };

  explicit TestAST(llvm::StringRef Code) : TestAST(Code, Options()) {}
  TestAST(llvm::StringRef Code, Options Opts);
  ~TestAST();

  ASTContext &context() const { return AST->getASTContext(); }
  const ParentIndex &parents() const { return *Parents; }
  const ContextModel &model() const { return Model; }
  ContextModel &model() { return Model; }

  /// True if the snippet compiled without errors.
  bool compiled() const;
  /// The compiler's error messages, for a failing test's output.
  std::string errors() const;
  /// The text of the main file: the snippet, after an include of the
  /// stand-ins when they are used.
  llvm::StringRef code() const;

  /// The definition of the function or method named \p Name (qualified or
  /// not); null if there is none.
  const FunctionDecl *function(llvm::StringRef Name) const;
  /// The body of function(\p Name).
  const Stmt *body(llvm::StringRef Name) const;
  /// The first variable (or parameter) named \p Name, in source order.
  const VarDecl *var(llvm::StringRef Name) const;
  /// The \p N-th (from 0) reference in source order to a declaration named
  /// \p Name, inside \p Within when given.
  const DeclRefExpr *ref(llvm::StringRef Name, unsigned N = 0,
                         const Stmt *Within = nullptr) const;
  /// The \p N-th (from 0) call in source order whose callee is named
  /// \p Callee (a function, a method or an operator such as "operator=").
  const CallExpr *call(llvm::StringRef Callee, unsigned N = 0) const;
  /// The \p N-th (from 0) statement of class \p T (a loop, a construction,
  /// ...) in source order in the function \p Fn.
  template <class T> const T *nth(llvm::StringRef Fn, unsigned N = 0) const {
    std::vector<const Stmt *> All = statementsIn(Fn);
    for (const Stmt *S : All)
      if (const auto *Hit = dyn_cast<T>(S))
        if (N-- == 0)
          return Hit;
    return nullptr;
  }

private:
  std::vector<const Stmt *> statementsIn(llvm::StringRef Fn) const;

  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<ParentIndex> Parents;
  ContextModel Model;
};

} // namespace clang::tidy::ctx::test

#endif // CTX_TIDY_TEST_UNIT_TESTAST_H
