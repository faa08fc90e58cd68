import type { Message } from '../message.js';
import type { CompletionError } from './completion-error.js';
import { errorUnion } from './error-union.js';
import type { RigError, RigErrorOptions } from './rig-error.js';

/** The fields of each kind of {@link PromptError}. */
export type PromptErrorFields =
  /** The model call failed; `cause` is the {@link CompletionError}; `history` is an agent run's conversation so far. */
  | { kind: 'completion'; cause: CompletionError; history?: Message[] }
  /** The run needed more model calls than `maxTurns` allows; `history` is the conversation so far. */
  | { kind: 'max-turns'; maxTurns: number; history: Message[] }
  /**
   * A tool failed in a way the run cannot continue from (its parameters' schema is invalid, its validator threw);
   * `cause` is the original exception, `history` the conversation so far.
   */
  | { kind: 'tool'; toolName: string; history?: Message[] }
  /**
   * A hook stopped the run; `reason` says why. (A caller's signal that aborts rejects with the signal's reason
   * itself, as `fetch` does; `isCancelled` recognizes both.)
   */
  | { kind: 'cancelled'; reason?: unknown; history?: Message[] };

/** The kinds of {@link PromptError}. */
export type PromptErrorKind = PromptErrorFields['kind'];

/** Constructor arguments of {@link PromptError}. */
export type PromptErrorOptions = RigErrorOptions & PromptErrorFields;

/** A prompt, chat or agent run failed. Discriminated on `kind`: `completion`, `max-turns`, `tool`, `cancelled`. */
export type PromptError = RigError & PromptErrorFields;

/** Creates and recognizes {@link PromptError}s. */
export const PromptError = /* @__PURE__ */ errorUnion<PromptErrorFields, PromptErrorOptions>('PromptError');
