const rigErrorMarker: unique symbol = Symbol.for('rig-ts.error');

/** Named arguments every rig-ts error takes. */
export interface RigErrorOptions {
  message: string;
  /** The underlying error. */
  cause?: unknown;
}

/** True when `value` carries `marker` (works across copies of the package and across realms). */
export function hasErrorMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as { [key: symbol]: unknown })[marker] === true;
}

function describeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (typeof cause === 'object' && cause !== null && 'toJSON' in cause && typeof cause.toJSON === 'function')
    return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return String(cause);
}

/**
 * The base class of every error rig-ts throws. Check with `RigError.isInstance(error)` rather than
 * `instanceof`, which fails when two copies of the package are installed.
 */
export class RigError extends Error {
  declare readonly cause?: unknown;

  constructor(options: RigErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** @internal */
  get [rigErrorMarker](): true {
    return true;
  }

  static isInstance(error: unknown): error is RigError {
    return hasErrorMarker(error, rigErrorMarker);
  }

  /** A plain-object form for logs: name, message, the error's fields, and a summary of `cause`. */
  toJSON(): { [key: string]: unknown } {
    const json: { [key: string]: unknown } = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== 'cause') json[key] = value;
    const cause = describeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    return json;
  }
}
