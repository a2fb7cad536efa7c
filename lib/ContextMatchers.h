//===--- ContextMatchers.h - ctx-tidy ---------------------------*- C++ -*-===//
//
// AST matchers that ask the context model.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CONTEXTMATCHERS_H
#define CTX_TIDY_LIB_CONTEXTMATCHERS_H

#include "lib/ContextModel.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::ctx {

/// Matches a type (looking through typedefs, cv and references) that the
/// model gives \p Role.
AST_MATCHER_P2(QualType, hasContextRole, const ContextModel *, Model,
               ContextRole, Role) {
  const ContextTypeInfo *Info = Model->classify(Node, Finder->getASTContext());
  return Info && Info->Role == Role;
}

/// Matches a type that the model knows, whatever its role.
AST_MATCHER_P(QualType, isContextType, const ContextModel *, Model) {
  return Model->classify(Node, Finder->getASTContext()) != nullptr;
}

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_CONTEXTMATCHERS_H
