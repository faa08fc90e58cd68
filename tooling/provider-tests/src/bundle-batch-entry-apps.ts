import { bundleText } from './bundle-text.js';

/** The two apps a provider's batch entry-point test compares, bundled with esbuild from the package's sources. */
export interface BatchEntryApps {
  /** An app that makes one prompt through the package's `index.ts`: it must carry no batch code. */
  onePrompt: string;
  /** An app that submits a batch through the package's `batch.ts` and reads its results: it carries the batch code. */
  batchApp: string;
}

/**
 * Bundles the one-prompt app and the batch app of a provider package whose batch API is its own entry point
 * (`./batch`). `source` is the package's `src` folder; `modelId` one of the provider's model ids.
 */
export async function bundleBatchEntryApps(source: string, modelId: string): Promise<BatchEntryApps> {
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
  return { onePrompt, batchApp };
}
