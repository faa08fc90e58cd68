import ts from 'typescript';

/** Deeper than this, a type is taken to expand without end (a recursive generic that never closes). */
const MAX_DEPTH = 48;

/** What {@link inspectType} found. */
export interface TypeInspection {
  /** The first thing JSON Schema cannot express, with its property path. */
  problem: string | undefined;
  /** True when a `Date` appears (it becomes a `date-time` string). */
  usesDate: boolean;
}

/**
 * Walks `type` for what JSON Schema cannot express — functions and methods, symbols, bigints, types that expand
 * without end — and for `Date`s.
 */
export function inspectType(checker: ts.TypeChecker, type: ts.Type, name: string): TypeInspection {
  const onPath = new Set<ts.Type>();
  let usesDate = false;
  const visit = (current: ts.Type, path: string, depth: number): string | undefined => {
    if (onPath.has(current)) return undefined;
    if (depth > MAX_DEPTH) {
      return `${path.length > 80 ? `${path.slice(0, 80)}…` : path} nests more than ${MAX_DEPTH} levels deep: the type expands without end (a recursive generic JSON Schema cannot express; give the recursive part a non-generic name)`;
    }
    const flags = current.flags;
    if (flags & ts.TypeFlags.ESSymbolLike) return `${path} is a symbol, which JSON cannot hold`;
    if (flags & ts.TypeFlags.BigIntLike) return `${path} is a bigint, which JSON cannot hold (use number or string)`;
    if (current.isUnionOrIntersection()) {
      for (const member of current.types) {
        const problem = visit(member, path, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!(flags & ts.TypeFlags.Object)) return undefined;
    const symbolName = current.getSymbol()?.getName();
    if (symbolName === 'Date') {
      usesDate = true;
      return undefined;
    }
    if (current.getCallSignatures().length > 0 || current.getConstructSignatures().length > 0) {
      return `${path} is a function, which JSON Schema cannot express`;
    }
    onPath.add(current);
    try {
      if (checker.isArrayType(current) || checker.isTupleType(current)) {
        const elements = checker.getTypeArguments(current as ts.TypeReference);
        for (const [index, element] of elements.entries()) {
          const problem = visit(element, checker.isTupleType(current) ? `${path}[${index}]` : `${path}[]`, depth + 1);
          if (problem) return problem;
        }
        return undefined;
      }
      for (const property of checker.getPropertiesOfType(current)) {
        const problem = visit(checker.getTypeOfSymbol(property), `${path}.${property.getName()}`, depth + 1);
        if (problem) return problem;
      }
      for (const info of checker.getIndexInfosOfType(current)) {
        const problem = visit(info.type, `${path}[string]`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    } finally {
      onPath.delete(current);
    }
  };
  const problem = visit(type, name, 0);
  return { problem, usesDate };
}
