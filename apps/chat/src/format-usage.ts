import type { Usage } from 'rig-ts';

/** `412 ms`, `1.24 s`. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** What the app prints after an answer: `21 prompt + 18 completion = 39 tokens · first token 52 ms · total 412 ms`. */
export function formatUsage(
  usage: Usage | undefined,
  timing: { firstTokenMs?: number | undefined; totalMs: number },
): string {
  const parts: string[] = [];
  if (usage === undefined) parts.push('usage not reported');
  else {
    const details = [
      usage.cachedPromptTokens ? `${usage.cachedPromptTokens} cached` : undefined,
      usage.reasoningTokens ? `${usage.reasoningTokens} reasoning` : undefined,
    ].filter((detail) => detail !== undefined);
    parts.push(
      `${usage.promptTokens} prompt + ${usage.completionTokens} completion = ${usage.totalTokens} tokens${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    );
  }
  if (timing.firstTokenMs !== undefined) parts.push(`first token ${formatDuration(timing.firstTokenMs)}`);
  parts.push(`total ${formatDuration(timing.totalMs)}`);
  return parts.join(' · ');
}
