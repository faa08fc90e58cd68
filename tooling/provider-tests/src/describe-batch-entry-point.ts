import { describe, expect, it } from 'vitest';
import { bundleText } from './bundle-text.js';

/** The provider package whose batch API {@link describeBatchEntryPoint} checks. */
export interface BatchEntryPoint {
  /** The package's name, as users import it (`@rig-ts/openai`). */
  packageName: string;
  /** The package's `src` folder, holding `index.ts` and `batch.ts`. */
  source: string;
  /** One of the provider's model ids. */
  modelId: string;
  /** Words only the provider's batch wire code holds (its paths, fields and headers). */
  wireMarkers: readonly string[];
}

/** What only the shared batch code holds: the job machinery and the JSONL reader. */
const SHARED_BATCH_MARKERS = ['createBatchJob', 'validateBatchEntries', 'readJsonLines', 'pollIntervalMs'];

/**
 * Registers the test that a provider's batch API is its own entry point (`./batch`): an app making one prompt through
 * the package's `index.ts`, bundled with esbuild, carries none of the batch code (shared or the provider's wire), and
 * an app that submits a batch through `batch.ts` and reads its results carries all of it.
 */
export function describeBatchEntryPoint({ packageName, source, modelId, wireMarkers }: BatchEntryPoint): void {
  const markers = [...SHARED_BATCH_MARKERS, ...wireMarkers];
  describe(`${packageName}/batch is its own entry point`, () => {
    it('a one-prompt app carries none of the batch code; an app that submits a batch carries it', async () => {
      const client = `new provider.Client({ apiKey: 'k' }).completionModel(${JSON.stringify(modelId)})`;
      const onePrompt = await bundleText(
        `import * as provider from './index.ts';
         const model = ${client};
         document.body.textContent = await model.prompt('Explain quantum computing');`,
        source,
      );
      const batchApp = await bundleText(
        `import * as provider from './index.ts';
         import { submitBatch } from './batch.ts';
         const model = ${client};
         const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('hi').build() }]);
         for await (const result of (await job.wait()).results()) document.body.textContent += result.id;`,
        source,
      );
      expect(onePrompt).toContain('Explain quantum computing');
      expect(markers.filter((marker) => onePrompt.includes(marker))).toEqual([]);
      expect(markers.filter((marker) => !batchApp.includes(marker))).toEqual([]);
    });
  });
}
