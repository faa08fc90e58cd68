import { ANTHROPIC_DEFAULTS } from './anthropic-settings.js';

/** What this package needs to know about a Claude model. */
export interface AnthropicModelCapabilities {
  /** The model's output limit, used as `max_tokens` when none is given. */
  maxOutputTokens: number;
  /** Whether the model takes `output_config.format` (JSON-schema output). */
  nativeStructuredOutput: boolean;
}

/**
 * The capabilities of a model id (aliases and dated ids alike), from Anthropic's model overview:
 * Opus 4.6 and later 128k output tokens; Opus 4.5, Sonnet 4.x, Sonnet 3.7, Haiku 4.5 and the 5+ generation 64k;
 * Opus 4 / 4.1 32k; Claude 3.5 8192; anything else (Claude 3, unknown ids) 4096.
 * JSON-schema output: Sonnet 4.5+, Opus 4.1+, Haiku 4.5+ and the 5+ generation.
 */
export function anthropicModelCapabilities(modelId: string): AnthropicModelCapabilities {
  const match = /claude-(opus|sonnet|haiku)-(\d+)(?:-(\d{1,2}))?(?!\d)/.exec(modelId);
  if (match === null) {
    const maxOutputTokens = /claude-3-7-sonnet/.test(modelId)
      ? 64_000
      : /claude-3-5-/.test(modelId)
        ? 8192
        : ANTHROPIC_DEFAULTS.maxTokens;
    return { maxOutputTokens, nativeStructuredOutput: false };
  }
  const family = match[1];
  const major = Number(match[2]);
  const minor = Number(match[3] ?? 0);
  if (major >= 5) return { maxOutputTokens: 64_000, nativeStructuredOutput: true };
  if (major < 4) return { maxOutputTokens: 4096, nativeStructuredOutput: false };
  if (family === 'opus') {
    return {
      maxOutputTokens: minor >= 6 ? 128_000 : minor === 5 ? 64_000 : 32_000,
      nativeStructuredOutput: minor >= 1,
    };
  }
  return { maxOutputTokens: family === 'haiku' && minor < 5 ? 4096 : 64_000, nativeStructuredOutput: minor >= 5 };
}
