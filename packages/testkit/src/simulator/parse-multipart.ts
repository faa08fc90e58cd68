/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  name: string;
  filename: string | undefined;
  type: string | undefined;
  content: string;
}

/**
 * The parts of a `multipart/form-data` body (read as text: the simulator's uploads are JSONL), by name; `undefined`
 * when `contentType` names no boundary or the body does not follow it.
 */
export function parseMultipart(body: string, contentType: string | undefined): Map<string, MultipartPart> | undefined {
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (delimiter === undefined) return undefined;
  const sections = body.split(`--${delimiter}`);
  if (sections.length < 3 || !sections.at(-1)!.startsWith('--')) return undefined;
  const parts = new Map<string, MultipartPart>();
  for (const section of sections.slice(1, -1)) {
    const headerEnd = section.indexOf('\r\n\r\n');
    if (!section.startsWith('\r\n') || headerEnd === -1 || !section.endsWith('\r\n')) return undefined;
    const headers = section.slice(2, headerEnd);
    const disposition = /^content-disposition:\s*form-data;([^\r\n]*)$/im.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    parts.set(name, {
      name,
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
      type: /^content-type:\s*([^\r\n]+)$/im.exec(headers)?.[1]?.trim(),
      content: section.slice(headerEnd + 4, -2),
    });
  }
  return parts;
}
