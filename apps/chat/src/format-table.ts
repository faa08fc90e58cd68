/** A table with box-drawing borders, one row per line; cells are padded to the widest of their column. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const cells = (row: readonly string[]) =>
    `│${widths.map((width, column) => ` ${(row[column] ?? '').padEnd(width)} `).join('│')}│`;
  return [line('┌', '┬', '┐'), cells(headers), line('├', '┼', '┤'), ...rows.map(cells), line('└', '┴', '┘')].join('\n');
}
