//===--- main.cpp - ctx-clangd --------------------------------------------===//
//
// clangd with the ctx-* checks linked in. clangd cannot load clang-tidy
// plugins, so this is how the checks reach an editor. Everything else is
// Debian's clangd, unchanged.
//
//===----------------------------------------------------------------------===//

#include "tools/ResourceDir.h"

namespace clang::clangd {
// clangd's real main, in the clangdMain library. Its header is not installed.
int clangdMain(int Argc, char **Argv);
} // namespace clang::clangd

namespace clang::tidy {
// Defined next to the module's registration (checks/CtxTidyModule.cpp).
// Referencing it keeps that object file, and so the registration, in the
// binary even if the checks are ever linked from an archive.
extern volatile int CtxTidyModuleAnchorSource;
} // namespace clang::tidy

[[maybe_unused]] static int CtxTidyModuleAnchorDestination =
    clang::tidy::CtxTidyModuleAnchorSource;

int main(int Argc, char **Argv) {
  std::string ResourceDirArg;
  std::vector<char *> Args = ctx::tools::withResourceDir(
      Argc, Argv, "CLANGD_FLAGS", ResourceDirArg, "--resource-dir=");
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
