import { describe, expect, it } from 'vitest';
import { bundleText } from './bundle-text.js';

/** A provider package whose batch API is its own entry point (`./batch`), as {@link describeBatchEntryIsolation} checks it. */
export interface BatchEntry {
  /** The package's name, e.g. `@rig-ts/anthropic`. */
  packageName: string;
  /** The package's `src` folder (its `index.ts` and `batch.ts` are bundled from there). */
  source: string;
  /** A model id of the provider, e.g. `claude-sonnet-4-5`. */
  modelId: string;
  /** Strings only batch code holds: the job machinery, the JSONL reader, the provider's batch wire words. */
  markers: readonly string[];
}

/**
 * Registers the check that a provider's batch code stays out of apps that do not use it: a one-prompt app bundled from
 * the package's `index.ts` holds none of the `markers`; an app that submits a batch through `batch.ts` holds them all.
 */
export function describeBatchEntryIsolation({ packageName, source, modelId, markers }: BatchEntry): void {
  const client = `new provider.Client({ apiKey: 'k' }).completionModel(${JSON.stringify(modelId)})`;
  describe(`${packageName}/batch is its own entry point`, () => {
    it('a one-prompt app carries none of the batch code; an app that submits a batch carries it', async () => {
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
