import { existsSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import type { JsonSchema } from './json-schema.js';
import ts from 'typescript';
import * as TJS from 'typescript-json-schema';
import { compileValidators } from './compile-validators.js';
import { inspectType } from './inspect-type.js';
import { normalizeSchema } from './normalize-schema.js';
import { renderModule, type ModuleSchema } from './render-module.js';
import { SchemaGenerationError } from './schema-generation-error.js';

/** Options of {@link generateSchemas}. */
export interface GenerateSchemasOptions {
  /** The TypeScript files that declare the types (paths, not globs; see `expandGlobs`). */
  files: readonly string[];
  /** Where the generated module will be written: imports of the source files are relative to it. */
  output: string;
  /** The types to generate. @default every exported interface and non-generic type alias of `files`, in order */
  types?: readonly string[];
  /** Reject properties a type does not declare (`additionalProperties: false`). @default false */
  noExtraProps?: boolean;
  /** A `tsconfig.json` whose compiler options are used to read the files. @default strict, ES modules with bundler resolution, no `@types` */
  tsconfig?: string;
  /** The directory that relative paths (and paths in messages) are relative to. @default process.cwd() */
  cwd?: string;
}

/** One generated schema. */
export interface GeneratedSchema {
  /** The type's (and the exported constant's) name. */
  typeName: string;
  /** The name sent to providers. */
  schemaName: string;
  /** The file declaring the type, relative to `cwd`. */
  file: string;
  description: string | undefined;
  jsonSchema: JsonSchema;
  /** True when the type holds a `Date` (validated as a `date-time` string; the value type is `JsonOf<T>`). */
  usesDate: boolean;
}

/** The result of {@link generateSchemas}. */
export interface GeneratedModule {
  /** The module's source. The same input always gives the same bytes. */
  code: string;
  schemas: GeneratedSchema[];
}

const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  noEmit: true,
  types: [],
  // No DOM: reading lib.dom.d.ts costs seconds, and schema types do not need it.
  lib: ['lib.es2022.d.ts'],
};

const TJS_SETTINGS: TJS.PartialArgs = {
  required: true,
  ref: true,
  aliasRef: false,
  topRef: false,
  titles: false,
  strictNullChecks: true,
  constAsEnum: true,
  ignoreErrors: true,
  excludePrivate: true,
};

interface DeclaredType {
  name: string;
  file: string;
  fileIndex: number;
  declaration: ts.Declaration;
  symbol: ts.Symbol;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function compilerOptionsFrom(tsconfig: string | undefined, cwd: string): ts.CompilerOptions {
  if (tsconfig === undefined) return DEFAULT_COMPILER_OPTIONS;
  const path = resolve(cwd, tsconfig);
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error)
    throw new SchemaGenerationError({
      message: ts.flattenDiagnosticMessageText(read.error.messageText, '\n'),
      file: tsconfig,
    });
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path));
  return { ...parsed.options, noEmit: true };
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], cwd: string): string {
  return ts
    .formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => cwd,
      getNewLine: () => '\n',
    })
    .trim();
}

/** The exported type declarations of each file, in file order then source order. */
function exportedTypes(
  program: ts.Program,
  checker: ts.TypeChecker,
  files: readonly string[],
  cwd: string,
): DeclaredType[] {
  const found: DeclaredType[] = [];
  files.forEach((file, fileIndex) => {
    const sourceFile = program.getSourceFile(file)!;
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) return;
    const exports: (DeclaredType & { position: number })[] = [];
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.find(
        (candidate) =>
          ts.isInterfaceDeclaration(candidate) ||
          ts.isTypeAliasDeclaration(candidate) ||
          ts.isEnumDeclaration(candidate) ||
          ts.isClassDeclaration(candidate),
      );
      if (declaration === undefined) continue;
      const position =
        exported.declarations?.[0]?.getSourceFile() === sourceFile
          ? exported.declarations[0]!.getStart()
          : declaration.getStart();
      exports.push({
        name: exported.getName(),
        file: toPosix(relative(cwd, file)),
        fileIndex,
        declaration,
        symbol,
        position,
      });
    }
    exports.sort((a, b) => a.position - b.position);
    found.push(...exports);
  });
  return found;
}

function isGeneric(declaration: ts.Declaration): boolean {
  return (
    (ts.isInterfaceDeclaration(declaration) ||
      ts.isTypeAliasDeclaration(declaration) ||
      ts.isClassDeclaration(declaration)) &&
    (declaration.typeParameters?.length ?? 0) > 0
  );
}

function importSpecifier(output: string, file: string): string {
  let specifier = toPosix(relative(dirname(output), file));
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const extension = specifier.endsWith('.d.ts') ? '.d.ts' : extname(specifier);
  const replacement = extension === '.mts' ? '.mjs' : extension === '.cts' ? '.cjs' : '.js';
  return specifier.slice(0, specifier.length - extension.length) + replacement;
}

/** Teaches typescript-json-schema that `Record<string, T>` (a mapped type) has `additionalProperties: T`. */
function patchRecordTypes(generator: TJS.JsonSchemaGenerator, checker: ts.TypeChecker): void {
  const internals = generator as unknown as {
    getClassDefinition(type: ts.Type, definition: TJS.Definition): TJS.Definition;
    getTypeDefinition(type: ts.Type, asRef?: boolean, unionModifier?: string): TJS.Definition;
  };
  const getClassDefinition = internals.getClassDefinition.bind(generator);
  internals.getClassDefinition = (type, definition) => {
    const result = getClassDefinition(type, definition);
    const declaration = type.getSymbol()?.getDeclarations()?.[0];
    if (declaration !== undefined && ts.isMappedTypeNode(declaration) && result.additionalProperties === undefined) {
      const index =
        checker.getIndexInfoOfType(type, ts.IndexKind.String) ?? checker.getIndexInfoOfType(type, ts.IndexKind.Number);
      if (index !== undefined) {
        result.type = 'object';
        result.additionalProperties = internals.getTypeDefinition(index.type, undefined, 'anyOf');
      }
    }
    return result;
  };
}

function describe(schema: JsonSchema): string | undefined {
  return typeof schema.description === 'string' ? schema.description : undefined;
}

/**
 * Turns TypeScript types into JSON Schemas (typescript-json-schema: `?` makes a property optional, doc comments
 * become descriptions, JSDoc annotations such as `@minimum`, `@pattern`, `@format` and `@default` become keywords,
 * literal unions and enums become `enum`, `Date` a `date-time` string) and renders a module exporting one
 * `TypedSchema` constant per type, validated by ajv code compiled ahead of time.
 *
 * @example
 * const { code } = generateSchemas({ files: ['src/schemas.ts'], output: 'src/schemas.gen.ts' });
 * @throws {SchemaGenerationError} naming the file and type, for type errors and for types JSON Schema cannot express
 * (functions, symbols, bigints, recursive generics that never close).
 */
export function generateSchemas(options: GenerateSchemasOptions): GeneratedModule {
  const cwd = options.cwd ?? process.cwd();
  const files = options.files.map((file) => resolve(cwd, file));
  if (files.length === 0) throw new SchemaGenerationError({ message: 'no input files' });
  for (const [index, file] of files.entries()) {
    if (!existsSync(file)) throw new SchemaGenerationError({ message: 'file not found', file: options.files[index] });
  }
  const output = resolve(cwd, options.output);
  if (files.includes(output))
    throw new SchemaGenerationError({ message: 'the output file is also an input file', file: options.output });
  const program = ts.createProgram(files, compilerOptionsFrom(options.tsconfig, cwd));
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const file = errors[0]!.file === undefined ? undefined : toPosix(relative(cwd, errors[0]!.file.fileName));
    throw new SchemaGenerationError({
      message: `the sources do not type-check:\n${formatDiagnostics(errors, cwd)}`,
      ...(file === undefined ? {} : { file }),
    });
  }
  const checker = program.getTypeChecker();
  const declared = exportedTypes(program, checker, files, cwd);
  const selected: DeclaredType[] = [];
  if (options.types === undefined) {
    for (const type of declared) {
      const declaration = type.declaration;
      if ((ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) && !isGeneric(declaration))
        selected.push(type);
    }
  } else {
    for (const name of options.types) {
      const type = declared.find((candidate) => candidate.name === name);
      if (type === undefined) {
        throw new SchemaGenerationError({
          message: `type ${name} is not exported by ${options.files.join(', ')} (exported types: ${declared.map((candidate) => candidate.name).join(', ') || 'none'})`,
        });
      }
      selected.push(type);
    }
  }
  if (selected.length === 0)
    throw new SchemaGenerationError({ message: `no exported interface or type alias in ${options.files.join(', ')}` });
  const seen = new Map<string, DeclaredType>();
  for (const type of selected) {
    const earlier = seen.get(type.name);
    if (earlier !== undefined && earlier.symbol !== type.symbol) {
      throw new SchemaGenerationError({
        message: `exported by both ${earlier.file} and ${type.file}`,
        typeName: type.name,
      });
    }
    seen.set(type.name, type);
  }
  const unique = [...seen.values()];

  const generator = TJS.buildGenerator(
    program,
    { ...TJS_SETTINGS, noExtraProps: options.noExtraProps ?? false },
    files.map(toPosix),
  );
  if (generator === null)
    throw new SchemaGenerationError({ message: 'typescript-json-schema could not read the sources' });
  patchRecordTypes(generator, checker);

  const generated: GeneratedSchema[] = [];
  for (const type of unique) {
    if (isGeneric(type.declaration)) {
      throw new SchemaGenerationError({
        message: `${type.name} is generic: generate a concrete alias instead, e.g. \`export type ${type.name}OfString = ${type.name}<string>\``,
        file: type.file,
        typeName: type.name,
      });
    }
    const inspection = inspectType(checker, checker.getDeclaredTypeOfSymbol(type.symbol), type.name);
    if (inspection.problem !== undefined)
      throw new SchemaGenerationError({ message: inspection.problem, file: type.file, typeName: type.name });
    const sourceName = type.symbol.getName();
    let schema: JsonSchema;
    try {
      schema = normalizeSchema(generator.getSchemaForSymbol(sourceName) as JsonSchema);
    } catch (error) {
      const message =
        error instanceof RangeError
          ? 'the type expands without end (a recursive generic JSON Schema cannot express)'
          : (error as Error).message;
      throw new SchemaGenerationError({
        message: `typescript-json-schema failed: ${message}`,
        file: type.file,
        typeName: type.name,
        cause: error,
      });
    }
    generated.push({
      typeName: type.name,
      schemaName: type.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
      file: type.file,
      description: describe(schema),
      jsonSchema: schema,
      usesDate: inspection.usesDate,
    });
  }

  const schemaConstants = new Map(generated.map((schema) => [schema.typeName, `schema$${schema.typeName}`]));
  const compiled = compileValidators(
    new Map(generated.map((schema) => [schema.typeName, schema.jsonSchema])),
    schemaConstants,
  );
  const sourceFiles = [...new Set(unique.map((type) => type.fileIndex))].sort((a, b) => a - b);
  const aliasOf = new Map(
    sourceFiles.map((fileIndex, position) => [
      fileIndex,
      sourceFiles.length === 1 ? 'Source' : `Source${position + 1}`,
    ]),
  );
  const moduleSchemas: ModuleSchema[] = generated.map((schema, index) => {
    const type = unique[index]!;
    const sourceType = `${aliasOf.get(type.fileIndex)}.${type.name}`;
    return {
      exportName: schema.typeName,
      schemaName: schema.schemaName,
      description: schema.description,
      jsonSchema: schema.jsonSchema,
      valueType: schema.usesDate ? `JsonOf<${sourceType}>` : sourceType,
      schemaConstant: schemaConstants.get(schema.typeName)!,
      validateFunction: compiled.functions.get(schema.typeName)!,
    };
  });
  const sourceImports = sourceFiles.map((fileIndex) => ({
    alias: aliasOf.get(fileIndex)!,
    specifier: importSpecifier(output, files[fileIndex]!),
  }));
  const code = renderModule({
    sourceImports,
    usesJsonOf: generated.some((schema) => schema.usesDate),
    schemas: moduleSchemas,
    validatorCode: compiled.code,
  });
  return { code, schemas: generated };
}
