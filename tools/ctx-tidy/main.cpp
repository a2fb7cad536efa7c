//===--- main.cpp - ctx-tidy ----------------------------------------------===//
//
// The standalone ctx-tidy: clang-tidy's own driver with every upstream module
// and the ctx-* checks linked in, so no -load is needed.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "tools/ResourceDir.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy {
// Defined next to the module's registration (checks/CtxTidyModule.cpp).
// Referencing it keeps that object file, and so the registration, in the
// binary even if the checks are ever linked from an archive.
extern volatile int CtxTidyModuleAnchorSource;
} // namespace clang::tidy

[[maybe_unused]] static int CtxTidyModuleAnchorDestination =
    clang::tidy::CtxTidyModuleAnchorSource;

int main(int Argc, char **Argv) {
  // --version says which build this is; the rest of its text is upstream's.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "ctx-tidy " CTX_VERSION " for LLVM " LLVM_VERSION_STRING
          ": clang-tidy with the ctx-* checks built in\n";
  });
  std::string ResourceDirArg;
  std::vector<char *> Args = ctx::tools::withResourceDir(
      Argc, Argv, /*EnvName=*/nullptr, ResourceDirArg,
      "--extra-arg-before=-resource-dir=");
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size() - 1),
                                    const_cast<const char **>(Args.data()));
}
