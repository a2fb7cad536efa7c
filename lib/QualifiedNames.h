//===--- QualifiedNames.h - ctx-tidy ----------------------------*- C++ -*-===//
//
// Names as users write them: the qualified name of a declaration with inline
// and anonymous namespaces left out, and the lookup of such a name in a
// translation unit. The context model and every list of functions given by
// name (options, catalogues) compare declarations through these.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_QUALIFIEDNAMES_H
#define CTX_TIDY_LIB_QUALIFIEDNAMES_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class Decl;
class NamedDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// Returns the qualified name of \p D with inline and anonymous namespaces left
/// out: "std::stop_token", "tbb::detail::d1::task_group_context".
std::string qualifiedNameOf(const NamedDecl *D);

/// Resolves a qualified name by lookup from the translation unit, following
/// namespace aliases, using-declarations, typedefs and inline namespaces.
/// Classes resolve to their canonical declaration (the pattern, for class
/// templates). Returns null when the name is not declared.
const Decl *resolveName(llvm::StringRef Name, const ASTContext &Ctx);

/// Returns true if \p Name is a well-formed qualified C++ name: identifiers
/// separated by "::", optionally with a leading "::".
bool isValidQualifiedName(llvm::StringRef Name);

/// True if \p RD or one of its bases (up to a depth that real hierarchies
/// stay well within) is named \p Name, as qualifiedNameOf() spells it.
bool classOrBaseNamed(const CXXRecordDecl *RD, llvm::StringRef Name);

/// \p Name without surrounding blanks and a leading "::".
llvm::StringRef stripLeadingColons(llvm::StringRef Name);

/// The declaration a class is identified by: the template pattern for
/// specializations, the canonical declaration otherwise.
const Decl *classKey(const CXXRecordDecl *RD);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_QUALIFIEDNAMES_H
