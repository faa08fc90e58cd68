import {
  toOutputSchema,
  type CompletionModel,
  type Document,
  type JsonObject,
  type OutputSchemaInput,
  type ProviderOptions,
  type ToolChoice,
} from '@rig-ts/core';
import { invalidRequest } from '@rig-ts/core/internal';
import { Agent } from './agent.js';
import type { AgentConfig } from './agent-config.js';
import type { AgentHook } from './agent-hook.js';
import { DEFAULT_MAX_TURNS } from './agent-run-options.js';
import { checkTool } from './check-tool.js';
import { checkOutputMode, type OutputMode } from './output-mode.js';
import { checkCount, checkTimeLimit } from './run-limits.js';
import type { Tool } from './tool.js';
import type { ToolSource } from './tool-source.js';

/**
 * Builds an {@link Agent}:
 *
 * ```ts
 * const agent = new AgentBuilder(model).preamble('You are a comedian.').tool(weather).temperature(0.8).build();
 * const joke = await agent.prompt('Tell me a joke about the weather in Paris');
 * ```
 */
export class AgentBuilder<Context = unknown> {
  readonly #config: { -readonly [Key in keyof AgentConfig]: AgentConfig[Key] } & {
    documents: Document[];
    tools: Tool[];
    toolSources: ToolSource[];
    hooks: AgentHook[];
  };

  constructor(model: CompletionModel) {
    this.#config = { model, documents: [], tools: [], toolSources: [], hooks: [], defaultMaxTurns: DEFAULT_MAX_TURNS };
  }

  name(name: string): this {
    this.#config.name = name;
    return this;
  }

  description(description: string): this {
    this.#config.description = description;
    return this;
  }

  /** System instructions (replaces earlier ones). */
  preamble(preamble: string): this {
    this.#config.preamble = preamble;
    return this;
  }

  /** Adds to the system instructions, on a new line. */
  appendPreamble(text: string): this {
    this.#config.preamble = this.#config.preamble === undefined ? text : `${this.#config.preamble}\n${text}`;
    return this;
  }

  /** A static context document sent with every request; a string gets the id `static_doc_<n>` as in Rig. */
  context(document: Document | string): this {
    const documents = this.#config.documents;
    documents.push(typeof document === 'string' ? { id: `static_doc_${documents.length}`, text: document } : document);
    return this;
  }

  /** A tool the model may call, offered on every turn. */
  tool(tool: Tool<any, Context>): this {
    this.#config.tools.push(tool);
    return this;
  }

  /** Tools the model may call, offered on every turn. */
  tools(tools: Iterable<Tool<any, Context>>): this {
    for (const tool of tools) this.#config.tools.push(tool);
    return this;
  }

  /**
   * Tools chosen per turn: `source` is called before each model call with the conversation so far, the turn, the run's
   * signal and `context`, and returns the tools of that call (e.g. the few a search finds in a large set, or
   * `mcp.toolSource()` of `@rig-ts/mcp`). The model is offered the static tools (`tool()`, `tools()`), then what each
   * source returns, in the order the sources were added; a tool call is answered only from the tools offered on its
   * turn. Two tools of one name on a turn (a source's and a static one, or two from sources) fail the run with a
   * `tool` PromptError naming the tool and both origins; so does a source that throws, returns something other than an
   * array of tools, or does not answer within the agent's `toolTimeoutMs` (see the README).
   */
  toolSource(source: ToolSource<Context>): this {
    if (typeof source !== 'function')
      throw invalidRequest('toolSource() takes a function that returns the tools of a turn', 'toolSource');
    this.#config.toolSources.push(source as ToolSource);
    return this;
  }

  toolChoice(toolChoice: ToolChoice): this {
    this.#config.toolChoice = toolChoice;
    return this;
  }

  temperature(temperature: number): this {
    this.#config.temperature = temperature;
    return this;
  }

  maxTokens(maxTokens: number): this {
    this.#config.maxTokens = maxTokens;
    return this;
  }

  /** Extra top-level request body fields, merged shallowly into earlier ones. */
  additionalParams(params: JsonObject): this {
    this.#config.additionalParams = { ...this.#config.additionalParams, ...params };
    return this;
  }

  /** Typed provider options, merged per provider. */
  providerOptions(options: ProviderOptions): this {
    const merged: ProviderOptions = { ...this.#config.providerOptions };
    for (const [provider, values] of Object.entries(options)) merged[provider] = { ...merged[provider], ...values };
    this.#config.providerOptions = merged;
    return this;
  }

  /**
   * The schema every answer follows (a JSON Schema or a `TypedSchema`), asked for as `outputMode` says: the provider's
   * structured output where it leaves the model free to call tools first, else a `final_answer` tool.
   */
  outputSchema(schema: OutputSchemaInput): this {
    this.#config.outputSchema = toOutputSchema(schema);
    return this;
  }

  /**
   * How the output schema (this agent's, or `promptTyped`'s) is asked for: `native`, `tool`, `prompted` or `auto`
   * (see {@link OutputMode}).
   * @default 'auto'
   */
  outputMode(mode: OutputMode): this {
    this.#config.outputMode = checkOutputMode(mode, 'outputMode');
    return this;
  }

  /**
   * Most model calls per run unless a call says otherwise: an integer of at least 1 (anything else throws a `request`
   * CompletionError).
   * @default 5
   */
  defaultMaxTurns(maxTurns: number): this {
    this.#config.defaultMaxTurns = checkCount(maxTurns, 'defaultMaxTurns');
    return this;
  }

  /**
   * Longest a tool may run, in ms, unless the tool sets its own `timeoutMs`; `Infinity` for no limit (anything not
   * above 0 throws a `request` CompletionError). Past it the tool's `signal` aborts and the model is told it timed out.
   * @default 60_000
   */
  toolTimeoutMs(timeoutMs: number): this {
    this.#config.toolTimeoutMs = checkTimeLimit(timeoutMs, 'toolTimeoutMs');
    return this;
  }

  /** Observes and steers every run (hooks run in the order added). */
  hook(hook: AgentHook): this {
    this.#config.hooks.push(hook);
    return this;
  }

  build(): Agent<Context> {
    const names = new Set<string>();
    this.#config.tools.forEach((tool, index) => checkTool(tool, index));
    for (const tool of this.#config.tools) {
      if (names.has(tool.name)) throw invalidRequest(`tool "${tool.name}" is declared twice`, 'tools');
      names.add(tool.name);
    }
    const config = this.#config;
    return new Agent<Context>({
      ...config,
      documents: [...config.documents],
      tools: [...config.tools],
      toolSources: [...config.toolSources],
      hooks: [...config.hooks],
    });
  }
}
