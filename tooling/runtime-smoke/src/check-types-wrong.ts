import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import type { ResolutionKind } from '@arethetypeswrong/core';

/**
 * The resolutions `attw --profile esm-only` ignores: our packages are ES modules only (an `import` condition and no
 * `require`), so CommonJS `require()` and the pre-exports `node10` resolution are out of scope.
 */
export const ESM_ONLY_IGNORED_RESOLUTIONS: readonly ResolutionKind[] = ['node10', 'node16-cjs'];

/**
 * What `attw <tarball> --profile esm-only` reports, checked in-process with the engine the CLI runs
 * (@arethetypeswrong/core, so TypeScript loads once for every package): one line per problem, empty when clean.
 * Unlike the CLI, a package without types is a problem too.
 */
export async function checkTypesWrong(tarball: Uint8Array): Promise<string[]> {
  const result = await checkPackage(createPackageFromTarballData(tarball));
  if (result.types === false) return [`attw: ${result.packageName} ships no types`];
  return result.problems
    .filter(
      (problem) => !('resolutionKind' in problem) || !ESM_ONLY_IGNORED_RESOLUTIONS.includes(problem.resolutionKind),
    )
    .map((problem) => {
      const where = [
        'entrypoint' in problem ? `"${problem.entrypoint}"` : undefined,
        'resolutionKind' in problem
          ? problem.resolutionKind
          : 'resolutionOption' in problem
            ? problem.resolutionOption
            : undefined,
      ].filter((part) => part !== undefined);
      const info = problemKindInfo[problem.kind];
      return `attw ${problem.kind}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${info.shortDescription} ${info.docsUrl}`;
    });
}
