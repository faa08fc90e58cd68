/** A type could not be turned into a JSON Schema; the message names the file and the type. */
export class SchemaGenerationError extends Error {
  override readonly name = 'SchemaGenerationError';
  /** The source file, relative to the working directory. */
  readonly file: string | undefined;
  /** The type being generated. */
  readonly typeName: string | undefined;

  constructor(options: { message: string; file?: string | undefined; typeName?: string | undefined; cause?: unknown }) {
    const where = [options.file, options.typeName === undefined ? undefined : `type ${options.typeName}`]
      .filter((part) => part !== undefined)
      .join(': ');
    super(
      where === '' ? options.message : `${where}: ${options.message}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.file = options.file;
    this.typeName = options.typeName;
  }
}
