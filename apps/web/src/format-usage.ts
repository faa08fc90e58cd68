import type { Usage } from 'rig-ts';

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** `21 prompt + 18 completion = 39 tokens · first token 52 ms · total 412 ms`. */
export function formatUsage(
  usage: Usage | undefined,
  timing: { firstTokenMs?: number | undefined; totalMs: number },
): string {
  const parts = [
    usage === undefined
      ? 'usage not reported'
      : `${usage.promptTokens} prompt + ${usage.completionTokens} completion = ${usage.totalTokens} tokens`,
  ];
  if (timing.firstTokenMs !== undefined) parts.push(`first token ${duration(timing.firstTokenMs)}`);
  parts.push(`total ${duration(timing.totalMs)}`);
  return parts.join(' · ');
}
