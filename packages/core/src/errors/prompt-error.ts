import type { Message } from '../message.js';
import type { CompletionError } from './completion-error.js';
import { errorUnion } from './error-union.js';
import type { RigError, RigErrorOptions } from './rig-error.js';

/** The fields of each kind of {@link PromptError}. */
export type PromptErrorFields =
  /** The model call failed; `cause` is the {@link CompletionError}. */
  | { kind: 'completion'; cause: CompletionError }
  /** The run needed more model calls than `maxTurns` allows; `history` is the conversation so far. */
  | { kind: 'max-turns'; maxTurns: number; history: Message[] }
  /** A tool failed in a way the run cannot continue from. */
  | { kind: 'tool'; toolName: string; history?: Message[] }
  /** The caller's signal aborted the run, or a hook stopped it; `reason` says why. */
  | { kind: 'cancelled'; reason?: unknown; history?: Message[] };

/** The kinds of {@link PromptError}. */
export type PromptErrorKind = PromptErrorFields['kind'];

/** Constructor arguments of {@link PromptError}. */
export type PromptErrorOptions = RigErrorOptions & PromptErrorFields;

/** A prompt, chat or agent run failed. Discriminated on `kind`: `completion`, `max-turns`, `tool`, `cancelled`. */
export type PromptError = RigError & PromptErrorFields;

/** Creates and recognizes {@link PromptError}s. */
export const PromptError = /* @__PURE__ */ errorUnion<PromptErrorFields, PromptErrorOptions>('PromptError');
