import { invalidRequest } from '@rig-ts/core/internal';

/**
 * Refuses headers that `fetch` cannot send (a name that is not a token, a line break or NUL in a value): fetch would
 * throw when the request is built, which a call reported as a network error and retried. The message names the
 * header, never its value (which may be a credential).
 * @throws {CompletionError} a `request` error whose `path` is `headers`
 */
export function checkHeaders(headers: { readonly [name: string]: string } | undefined, where: () => string): void {
  if (headers === undefined) return;
  for (const name in headers) {
    try {
      new Headers().set(name, headers[name] as string);
    } catch {
      throw invalidRequest(
        `${where()}: the header ${JSON.stringify(name.slice(0, 64))} cannot be sent: its name or value holds a character a header cannot carry`,
        'headers',
      );
    }
  }
}
