// The test oracle of the Gemini generateContent wire: the expected result of each real recording, derived straight
// from the wire JSON by the documented mapping, written apart from (and without importing) @rig-ts/gemini's reader.
// A stream is read as the list of its events' parts, so a body and a stream of the same content give the same result.
import type { AssistantContent, FinishReason, Usage } from '@rig-ts/core';
import { chunkLines, listFixtures, readJsonFixture, readTextFixture } from '@rig-ts/fixtures';
import { sseDataPayloads } from './derive-expectations.js';

/** What a recording must give: the comparable part of a `CompletionResponse`. */
export interface GeminiExpectation {
  choice: AssistantContent[];
  usage: Usage;
  finishReason: FinishReason;
  rawFinishReason?: string;
  id?: string;
  model?: string;
}

type Wire = { [key: string]: any };

/** https://ai.google.dev/api/generate-content#FinishReason */
const FINISH_REASONS: { [raw: string]: FinishReason } = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
};

// Thinking tokens are billed as output, tool-use prompt tokens (search results fed back) as input.
function usageOf(metadata: Wire | undefined): GeminiExpectation['usage'] {
  if (metadata === undefined) return { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const promptTokens = (metadata.promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0);
  const completionTokens = (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0);
  return {
    promptTokens,
    completionTokens,
    totalTokens: metadata.totalTokenCount ?? promptTokens + completionTokens,
    ...(metadata.cachedContentTokenCount !== undefined ? { cachedPromptTokens: metadata.cachedContentTokenCount } : {}),
    ...(metadata.thoughtsTokenCount !== undefined ? { reasoningTokens: metadata.thoughtsTokenCount } : {}),
  };
}

/** Sets `value` at a JSON path such as `$.recipe.steps[1]` or `$['a b']`, making the objects and arrays on the way. */
function setAtPath(target: Wire, jsonPath: string, value: unknown): void {
  const keys = [...jsonPath.matchAll(/\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4])!,
  );
  let container: any = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) container[key] = value;
    else container = container[key] ??= typeof keys[index + 1] === 'number' ? [] : {};
  });
}

/**
 * The arguments of a call streamed as `partialArgs`: each path's value, where string pieces flagged `willContinue`
 * run on into the next piece of the same path.
 */
function assembleArguments(start: Wire | undefined, pieces: Wire[]): Wire {
  const values = new Map<string, unknown>();
  let continuing: string | undefined;
  for (const piece of pieces) {
    const previous = values.get(piece.jsonPath);
    if (piece.stringValue !== undefined)
      values.set(
        piece.jsonPath,
        continuing === piece.jsonPath && typeof previous === 'string'
          ? previous + piece.stringValue
          : piece.stringValue,
      );
    else values.set(piece.jsonPath, piece.numberValue ?? piece.boolValue ?? null);
    continuing = piece.willContinue ? piece.jsonPath : undefined;
  }
  const args: Wire = structuredClone(start ?? {});
  for (const [path, value] of values) setAtPath(args, path, value);
  return args;
}

type Block =
  | { kind: 'text'; text: string; signature?: string | undefined }
  | { kind: 'reasoning'; text: string; signature?: string | undefined }
  | {
      kind: 'call';
      id: string;
      callId?: string | undefined;
      name: string;
      args: Wire | undefined;
      pieces: Wire[];
      signature?: string | undefined;
      open: boolean;
    };

/**
 * The expected result of a Gemini answer given its events (one for a `generateContent` body): the first candidate's
 * parts in order — consecutive thoughts one reasoning block, consecutive texts one text block (a `thoughtSignature`
 * on a text part, or on an empty part after it, is the block's `providerMetadata.gemini.thoughtSignature`; a second
 * signature starts a new block), each call a tool call with id `gemini-<responseId>-<n>` (Gemini sends none) and the
 * signature of its part — the first `responseId`, the last `modelVersion`, the last usage counts and finish reason.
 */
export function geminiExpectation(events: Wire[]): GeminiExpectation {
  let id: string | undefined;
  let model: string | undefined;
  let usage: Wire | undefined;
  let rawFinishReason: string | undefined;
  const blocks: Block[] = [];
  let calls = 0;
  for (const event of events) {
    id ??= event.responseId;
    model = event.modelVersion ?? model;
    if (event.usageMetadata?.totalTokenCount !== undefined || event.usageMetadata?.promptTokenCount !== undefined)
      usage = event.usageMetadata;
    const candidate = event.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      const last = blocks.at(-1);
      const signature: string | undefined = part.thoughtSignature;
      if (part.functionCall !== undefined) {
        const call = part.functionCall;
        if (call.name !== undefined) {
          for (const block of blocks) if (block.kind === 'call') block.open = false;
          blocks.push({
            kind: 'call',
            id: call.id ?? `gemini-${id}-${calls++}`,
            callId: call.id,
            name: call.name,
            args: call.args,
            pieces: [...(call.partialArgs ?? [])],
            signature,
            open: call.willContinue === true,
          });
        } else if (last?.kind === 'call' && last.open) {
          last.pieces.push(...(call.partialArgs ?? []));
          last.signature ??= signature;
          last.open = call.willContinue === true;
        }
      } else if (part.thought === true) {
        if (last?.kind === 'reasoning' && !(signature !== undefined && last.signature !== undefined))
          last.text += part.text ?? '';
        else blocks.push({ kind: 'reasoning', text: part.text ?? '' });
        if (signature !== undefined) blocks.at(-1)!.signature = signature;
      } else if (part.text !== undefined || signature !== undefined) {
        if (last?.kind === 'text' && !(signature !== undefined && last.signature !== undefined))
          last.text += part.text ?? '';
        else blocks.push({ kind: 'text', text: part.text ?? '' });
        if (signature !== undefined) blocks.at(-1)!.signature = signature;
      }
    }
    if (candidate?.finishReason !== undefined) rawFinishReason = candidate.finishReason;
  }
  const choice = blocks.flatMap((block): AssistantContent[] => {
    if (block.kind === 'call') {
      const args = block.pieces.length > 0 ? assembleArguments(block.args, block.pieces) : (block.args ?? {});
      return [
        {
          type: 'tool-call',
          id: block.id,
          ...(block.callId !== undefined ? { callId: block.callId } : {}),
          function: { name: block.name, arguments: args },
          ...(block.signature !== undefined ? { signature: block.signature } : {}),
        },
      ];
    }
    if (block.kind === 'reasoning')
      return [
        {
          type: 'reasoning',
          content: [
            {
              type: 'text',
              text: block.text,
              ...(block.signature !== undefined ? { signature: block.signature } : {}),
            },
          ],
        },
      ];
    if (block.text === '' && block.signature === undefined) return [];
    return [
      {
        type: 'text',
        text: block.text,
        ...(block.signature !== undefined
          ? { providerMetadata: { gemini: { thoughtSignature: block.signature } } }
          : {}),
      },
    ];
  });
  const hasCall = choice.some((block) => block.type === 'tool-call');
  const mapped: FinishReason = (rawFinishReason !== undefined && FINISH_REASONS[rawFinishReason]) || 'other';
  const expectation: GeminiExpectation = {
    choice: choice.length > 0 ? choice : [{ type: 'text', text: '' }],
    usage: usageOf(usage),
    // A turn that calls tools finished to have them run, whatever Gemini reports (it says STOP).
    finishReason: mapped === 'stop' && hasCall ? 'tool-calls' : mapped,
  };
  if (rawFinishReason !== undefined) expectation.rawFinishReason = rawFinishReason;
  if (id !== undefined) expectation.id = id;
  if (model !== undefined) expectation.model = model;
  return expectation;
}

/** The events of a recording: a `.json` body is one, a `.chunks.txt` holds one a line, a raw `.sse` one a `data:` frame. */
export function geminiRecordedEvents(file: string): Wire[] {
  if (file.endsWith('.json')) return [readJsonFixture(file)];
  if (file.endsWith('.chunks.txt')) return chunkLines(file).map((line) => JSON.parse(line));
  return sseDataPayloads(readTextFixture(file));
}

/**
 * The expected result of every real answer under `dirs`, by file: `.json` bodies that are answers (they have
 * `candidates`), raw `.sse` streams and `.chunks.txt` streams. Files under `synthetic/` and other endpoints' bodies
 * (errors, embeddings) are left out.
 */
export function deriveGeminiExpectations(dirs: readonly string[]): { [file: string]: GeminiExpectation } {
  const expectations: { [file: string]: GeminiExpectation } = {};
  const real = (file: string) => !file.includes('/synthetic/');
  for (const dir of dirs) {
    const files = [
      ...listFixtures(dir, '.json').filter((file) => !file.endsWith('.meta.json')),
      ...listFixtures(dir, '.sse'),
      ...listFixtures(dir, '.chunks.txt'),
    ].filter(real);
    for (const file of files.sort()) {
      const events = geminiRecordedEvents(file);
      if (events.some((event) => Array.isArray(event.candidates))) expectations[file] = geminiExpectation(events);
    }
  }
  return expectations;
}
