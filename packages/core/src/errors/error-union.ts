import { hasErrorMarker, RigError, type RigErrorOptions } from './rig-error.js';

/** The constructor of an error family discriminated on `kind`. */
export interface ErrorUnionConstructor<Fields extends { kind: string }, Options> {
  new (options: Options): RigError & Fields;
  readonly prototype: RigError & Fields;
  /** True for errors of this family, from any copy of the package. */
  isInstance(error: unknown): error is RigError & Fields;
}

function pascalCase(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * Builds the class of an error family (`CompletionError`, `PromptError`, …): `name` is `Family.Kind`,
 * the fields are own properties, and `isInstance` checks a `Symbol.for('rig-ts.error.<Family>')` marker.
 * @internal
 */
export function errorUnion<Fields extends { kind: string }, Options extends RigErrorOptions & { kind: string }>(
  family: string,
  defaults?: (options: Options) => object,
): ErrorUnionConstructor<Fields, Options> {
  const marker = Symbol.for(`rig-ts.error.${family}`);
  class FamilyError extends RigError {
    declare readonly kind: string;

    constructor(options: Options) {
      super(options);
      const { message: _message, cause: _cause, ...fields } = options;
      Object.assign(this, fields, defaults?.(options));
    }

    override get name(): string {
      return `${family}.${pascalCase(this.kind)}`;
    }

    static override isInstance(error: unknown): error is RigError {
      return hasErrorMarker(error, marker);
    }
  }
  Object.defineProperty(FamilyError.prototype, marker, { value: true });
  return FamilyError as unknown as ErrorUnionConstructor<Fields, Options>;
}
