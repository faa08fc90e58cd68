import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/**
 * publint's findings for a packed package (what `publint --strict` reports, read from the tarball, so a file the
 * package refers to but does not ship is missing): every level, suggestions included; one line per message, empty
 * when the package is clean.
 */
export async function lintPackage(tarball: Uint8Array): Promise<string[]> {
  const buffer = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, level: 'suggestion', strict: true });
  return messages.map(
    (message) =>
      `publint ${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? JSON.stringify(message)}`,
  );
}
