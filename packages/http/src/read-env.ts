/** Reads an environment variable where the runtime has them (Node, Bun, Deno); `undefined` in browsers. */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: { [key: string]: string | undefined } };
    Deno?: { env: { get(key: string): string | undefined } };
  };
  try {
    const value = runtime.process?.env?.[name] ?? runtime.Deno?.env.get(name);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}
