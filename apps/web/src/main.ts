// The page: a provider form, a streamed answer and a typed-output demo, wired to the DOM.
import type { Usage } from 'rig-ts';
import { promptTyped, readStreamResponse, type StreamingCompletionResponse } from 'rig-ts';
import { BROWSER_PROVIDERS, createBrowserModel, type BrowserModel, type BrowserProvider } from './browser-provider.js';
import { formatUsage } from './format-usage.js';
import { SentimentAnalysis } from './schemas.gen.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const providerSelect = element<HTMLSelectElement>('provider');
const modelInput = element<HTMLInputElement>('model');
const apiKeyField = element<HTMLLabelElement>('api-key-field');
const apiKeyInput = element<HTMLInputElement>('api-key');
const baseURLInput = element<HTMLInputElement>('base-url');
const providerHint = element<HTMLParagraphElement>('provider-hint');
const promptForm = element<HTMLFormElement>('prompt-form');
const promptInput = element<HTMLTextAreaElement>('prompt');
const sendButton = element<HTMLButtonElement>('send');
const stopButton = element<HTMLButtonElement>('stop');
const answerOutput = element<HTMLOutputElement>('answer');
const answerStatus = element<HTMLParagraphElement>('answer-status');
const typedForm = element<HTMLFormElement>('typed-form');
const typedInput = element<HTMLInputElement>('typed-text');
const analyzeButton = element<HTMLButtonElement>('analyze');
const typedTable = element<HTMLTableElement>('typed-result');
const typedStatus = element<HTMLParagraphElement>('typed-status');

/** The simulator's address: `?sim=<url>` (the dev script and the tests pass it), else rig-sim's default. */
const simulatorURL = new URLSearchParams(location.search).get('sim') ?? 'http://127.0.0.1:8787';

function setStatus(target: HTMLElement, state: 'idle' | 'busy' | 'done' | 'cancelled' | 'error', text: string): void {
  target.dataset.state = state;
  target.textContent = text;
}

function showProvider(): void {
  const provider = providerSelect.value as BrowserProvider;
  const details = BROWSER_PROVIDERS[provider];
  modelInput.value = details.defaultModel;
  apiKeyField.hidden = !details.needsKey;
  // A key typed for one provider is never sent to another.
  apiKeyInput.value = '';
  baseURLInput.value = provider === 'sim' ? simulatorURL : '';
  baseURLInput.placeholder = provider === 'sim' ? '' : 'the provider’s default';
  providerHint.textContent = details.hint;
}

function currentModel(): BrowserModel {
  return createBrowserModel({
    provider: providerSelect.value as BrowserProvider,
    model: modelInput.value,
    apiKey: apiKeyInput.value,
    baseURL: baseURLInput.value,
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Server mode reads its own server's /api/chat (the key stays there); the other providers are called directly. */
async function openStream(signal: AbortSignal): Promise<StreamingCompletionResponse> {
  if (providerSelect.value !== 'server') return currentModel().streamPrompt(promptInput.value, { signal });
  const body = JSON.stringify({ prompt: promptInput.value, model: modelInput.value });
  return readStreamResponse(
    await fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }),
  );
}

let running: AbortController | undefined;

async function streamAnswer(): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  sendButton.disabled = true;
  stopButton.disabled = false;
  // One text node that grows with each delta: no re-rendering of what is already shown.
  const text = document.createTextNode('');
  answerOutput.replaceChildren(text);
  setStatus(answerStatus, 'busy', 'Waiting for the first token…');
  const started = performance.now();
  let firstTokenMs: number | undefined;
  let usage: Usage | undefined;
  try {
    const stream = await openStream(controller.signal);
    controller.signal.addEventListener('abort', () => stream.cancel(), { once: true });
    for await (const item of stream) {
      if (item.type === 'text') {
        if (firstTokenMs === undefined) {
          firstTokenMs = performance.now() - started;
          setStatus(answerStatus, 'busy', 'Streaming…');
        }
        text.appendData(item.text);
      } else if (item.type === 'final') usage = item.usage;
    }
    if (controller.signal.aborted) setStatus(answerStatus, 'cancelled', 'Stopped.');
    else setStatus(answerStatus, 'done', formatUsage(usage, { firstTokenMs, totalMs: performance.now() - started }));
  } catch (error) {
    if (controller.signal.aborted) setStatus(answerStatus, 'cancelled', 'Stopped.');
    else setStatus(answerStatus, 'error', errorText(error));
  } finally {
    if (running === controller) running = undefined;
    sendButton.disabled = false;
    stopButton.disabled = true;
  }
}

async function analyzeSentiment(): Promise<void> {
  analyzeButton.disabled = true;
  typedTable.hidden = true;
  setStatus(typedStatus, 'busy', 'Analyzing…');
  const started = performance.now();
  try {
    const result = await promptTyped(
      currentModel(),
      SentimentAnalysis,
      `Analyze the sentiment of: '${typedInput.value}'`,
    );
    const properties = SentimentAnalysis.jsonSchema.properties as { [name: string]: { description?: string } };
    const rows = Object.entries(properties).map(([name, property]) => {
      const row = document.createElement('tr');
      for (const cell of [name, String(result[name as keyof typeof result]), property.description ?? ''])
        row.insertCell().textContent = cell;
      return row;
    });
    typedTable.tBodies[0]!.replaceChildren(...rows);
    typedTable.hidden = false;
    setStatus(
      typedStatus,
      'done',
      `Validated against SentimentAnalysis · total ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    setStatus(typedStatus, 'error', errorText(error));
  } finally {
    analyzeButton.disabled = false;
  }
}

providerSelect.addEventListener('change', showProvider);
promptForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void streamAnswer();
});
stopButton.addEventListener('click', () => running?.abort());
typedForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void analyzeSentiment();
});
// `?provider=server` opens the page in server mode (as `node server.mjs` suggests).
const requestedProvider = new URLSearchParams(location.search).get('provider');
if (requestedProvider !== null && requestedProvider in BROWSER_PROVIDERS) providerSelect.value = requestedProvider;
showProvider();
