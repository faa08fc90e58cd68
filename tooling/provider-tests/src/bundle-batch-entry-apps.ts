import { fileURLToPath } from 'node:url';
import { bundleText } from './bundle-text.js';

/** What only the shared batch code holds: the job machinery and the JSONL reader. */
const SHARED_BATCH_MARKERS = ['createBatchJob', 'validateBatchEntries', 'readJsonLines', 'pollIntervalMs'];

/** The two apps {@link bundleBatchEntryApps} bundles, and where the batch code landed. */
export interface BatchEntryApps {
  /** The bundle of an app making one prompt through the package's `index.ts`. */
  onePrompt: string;
  /**
   * The batch markers (the shared ones and the provider's `wireMarkers`) found in the one-prompt app, and those missing
   * from an app that submits a batch through `batch.ts` and reads its results: both empty when `./batch` is its own
   * entry point.
   */
  batchCode: { inOnePrompt: string[]; missingFromBatchApp: string[] };
}

/**
 * Bundles (esbuild) two apps of the provider package whose `src` folder (holding `index.ts` and `batch.ts`) is at the
 * file URL `source`: one making a prompt to `modelId`, one submitting a batch and reading its results; and says which
 * batch markers — the shared batch code's and `wireMarkers`, words only the provider's batch wire code holds (its
 * paths, fields and headers) — each carries. The assertions stay in the provider's test.
 */
export async function bundleBatchEntryApps(
  source: URL,
  modelId: string,
  wireMarkers: readonly string[],
): Promise<BatchEntryApps> {
  const folder = fileURLToPath(source);
  const markers = [...SHARED_BATCH_MARKERS, ...wireMarkers];
  const client = `new provider.Client({ apiKey: 'k' }).completionModel(${JSON.stringify(modelId)})`;
  const onePrompt = await bundleText(
    `import * as provider from './index.ts';
     const model = ${client};
     document.body.textContent = await model.prompt('Explain quantum computing');`,
    folder,
  );
  const batchApp = await bundleText(
    `import * as provider from './index.ts';
     import { submitBatch } from './batch.ts';
     const model = ${client};
     const job = await submitBatch(model, [{ id: 'q1', request: model.completionRequest('hi').build() }]);
     for await (const result of (await job.wait()).results()) document.body.textContent += result.id;`,
    folder,
  );
  return {
    onePrompt,
    batchCode: {
      inOnePrompt: markers.filter((marker) => onePrompt.includes(marker)),
      missingFromBatchApp: markers.filter((marker) => !batchApp.includes(marker)),
    },
  };
}
