import {
  CALL_MODES,
  FAULT_MATRIX,
  MATRIX_SETTINGS,
  matrixCells,
  type Expectation,
  type ExpectedError,
  type FaultCase,
  type MessageSpec,
} from './fault-matrix.js';
import type { CallMode, ProviderUnderTest, Wire } from './providers.js';
import type { SoakResult } from './soak/run-soak.js';

/** Text for a table cell: line ends shown as `\r\n`, long runs of one character counted, pipes escaped. */
function cellText(text: string): string {
  return text
    .replace(/(.)\1{15,}/g, (run, char: string) => `⟨${run.length} × ${char}⟩`)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${cellText(text)}\``;
}

function messageText(spec: MessageSpec): string {
  return 'exact' in spec ? code(spec.exact) : `${code(spec.means)} (pattern)`;
}

const WIRE_NAMES: Record<Wire, string> = {
  'openai-responses': 'Responses',
  'openai-chat': 'Chat Completions',
  anthropic: 'Anthropic',
  gemini: 'Gemini',
  ollama: 'Ollama',
};

function errorOutcome(error: ExpectedError): string {
  const parts = [`\`${error.name}\``];
  if (error.status !== undefined) parts.push(`status ${error.status}`);
  if (error.reason !== undefined) parts.push(`reason \`${error.reason}\``);
  if (error.attempts !== undefined) parts.push(`\`attempts: ${error.attempts}\``);
  if (error.headers !== undefined)
    parts.push(
      `keeps ${Object.entries(error.headers)
        .map(([name, value]) => code(`${name}: ${value}`))
        .join(', ')}`,
    );
  if (error.bodyLength !== undefined)
    parts.push(`\`body\` cut to 64 KiB + \`…[truncated]\` (${error.bodyLength} characters)`);
  return parts.join(', ');
}

function outcomeText(expectation: Expectation): string {
  if (expectation.outcome === 'answer') return 'the whole answer, equal to a fault-free call’s';
  if (expectation.outcome === 'abort-reason') return 'rejects with the caller’s abort reason itself';
  return errorOutcome(expectation.outcome);
}

function messageCell(expectation: Expectation): string {
  if (typeof expectation.outcome !== 'object') return '—';
  const error = expectation.outcome;
  if (error.messageByWire === undefined) return messageText(error.message);
  return Object.entries(error.messageByWire)
    .map(([wire, spec]) => `${WIRE_NAMES[wire as Wire]}: ${messageText(spec)}`)
    .join('<br>');
}

function partialCell(expectation: Expectation, mode: CallMode): string {
  const partial = expectation.partial;
  if (mode === 'completion') return 'none';
  switch (partial) {
    case 'all':
      return 'every item, then `final`';
    case 'all-text':
      return 'every text delta, no `final`';
    case 'none':
      return 'none';
    case 'prefix':
      return 'the first items of the answer, in order';
    default: {
      const variants = Object.entries(partial.byWire ?? {}).map(
        ([wire, text]) => `${WIRE_NAMES[wire as Wire]}: ${code(text)}`,
      );
      return [code(partial.text), ...variants].join('<br>');
    }
  }
}

function attemptsCell(expectation: Expectation): string {
  return typeof expectation.attempts === 'number'
    ? String(expectation.attempts)
    : `at most ${expectation.attempts.atMost}`;
}

function timeCell(expectation: Expectation): string {
  const { atLeast, under, from } = expectation.timeMs;
  const seconds = (ms: number) => `${ms / 1000} s`;
  if (from === 'abort') return `< ${seconds(under)} after the abort`;
  return atLeast === undefined ? `< ${seconds(under)}` : `≥ ${seconds(atLeast)}, < ${seconds(under)}`;
}

function settingsText(row: FaultCase): string {
  const changes = Object.entries(row.settings ?? {}).map(([name, value]) => `\`${name}: ${value}\``);
  return changes.length === 0 ? '' : `<br>(${changes.join(', ')})`;
}

/**
 * A matrix (the fault matrix unless `rows` says otherwise) as a Markdown table: one line per fault and call mode, the
 * same for every provider unless it says so.
 */
export function renderMatrixTable(rows: readonly FaultCase[] = FAULT_MATRIX, firstLine = 1): string {
  const lines = [
    '| # | Fault | Call | Requests | Outcome | Retryable | Message | Stream items before the end | Usage | Time |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  let number = firstLine - 1;
  for (const row of rows) {
    for (const mode of CALL_MODES) {
      const expectation = row.expected[mode];
      if (expectation === undefined) continue;
      number++;
      const retryable =
        typeof expectation.outcome === 'object' ? (expectation.outcome.isRetryable ? 'yes' : 'no') : '—';
      const usage = expectation.usage ? 'reported (equal to a fault-free call’s)' : 'none';
      lines.push(
        `| ${number} | ${row.fault}${settingsText(row)} | \`${mode}()\` | ${attemptsCell(expectation)} | ${outcomeText(expectation)} | ${retryable} | ${messageCell(expectation)} | ${partialCell(expectation, mode)} | ${usage} | ${timeCell(expectation)} |`,
      );
    }
  }
  return lines.join('\n');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The soak's figures as a table. */
export function renderSoak(result: SoakResult | undefined): string {
  if (result === undefined) return '_Not run yet at full size: run `pnpm soak`._';
  const growth = ((result.heapEndBytes - result.heapStartBytes) / result.heapStartBytes) * 100;
  return [
    '| figure | value |',
    '|---|---|',
    `| sequential calls | ${result.calls.toLocaleString('en-US')} |`,
    `| concurrent streams | ${result.streams.toLocaleString('en-US')} |`,
    `| providers | ${result.providers.map((id) => `\`${id}\``).join(', ')} (in turn) |`,
    `| answered / failed / aborted | ${result.outcomes.answered.toLocaleString('en-US')} / ${result.outcomes.failed.toLocaleString('en-US')} / ${result.outcomes.aborted.toLocaleString('en-US')} |`,
    `| requests the simulator received (retries included) | ${result.requests.toLocaleString('en-US')} |`,
    `| heap after GC, start → end | ${megabytes(result.heapStartBytes)} → ${megabytes(result.heapEndBytes)} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%; the limit is +10%) |`,
    `| sockets accepted by the simulator | ${result.socketsAccepted.toLocaleString('en-US')} |`,
    `| requests still being answered once every call had settled | ${result.requestsActiveAfter} |`,
    `| sockets still open once the client was idle | ${result.socketsOpenAfter} |`,
    `| unhandled rejections | ${result.unhandledRejections} |`,
    `| duration (calls and streams, warm-up excluded) | ${(result.durationMs / 1000).toFixed(1)} s |`,
    `| Node.js | ${result.node} |`,
  ].join('\n');
}

/** How many cells a matrix (the fault matrix unless `rows` says otherwise) has, and over which providers. */
export function matrixCount(
  providers: readonly ProviderUnderTest[],
  rows: readonly FaultCase[] = FAULT_MATRIX,
): { rows: number; lines: number; cells: number } {
  const lines = rows.reduce(
    (sum, row) => sum + CALL_MODES.filter((mode) => row.expected[mode] !== undefined).length,
    0,
  );
  return { rows: rows.length, lines, cells: matrixCells(providers, rows).length };
}

/** The defaults every cell runs with. */
export function matrixSettingsText(): string {
  return Object.entries(MATRIX_SETTINGS)
    .map(([name, value]) => `\`${name}: ${value}\``)
    .join(', ');
}
