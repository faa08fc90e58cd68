export { traced } from './traced-model.js';
export type { TracedModel } from './traced-model.js';
export { tracingHook } from './tracing-hook.js';
export { withTraceParent } from './trace-parent.js';
export { CAPTURE_CONTENT_VARIABLE, TRACING_DEFAULTS } from './tracing-options.js';
export type { TracingOptions } from './tracing-options.js';
// The conventions version followed and its schema URL; the attribute names themselves stay internal.
export { SCHEMA_URL, SEMCONV_VERSION } from './gen-ai-attributes.js';
