import type { ChatQuirks } from '@rig-ts/openai-wire';

/** A server's usual address and quirks, to spread into the {@link Client}'s options. */
export interface KnownServer {
  name: string;
  displayName: string;
  baseURL: string;
  quirks: Partial<ChatQuirks>;
}

/**
 * Settings of well-known self-hosted servers at their default local address (change `baseURL` for another host):
 * `new Client({ ...KNOWN_SERVERS.ollama, baseURL: 'http://gpu-box:11434/v1' })`.
 */
export const KNOWN_SERVERS = {
  /** vLLM's OpenAI-compatible server (`vllm serve`); reasoning parsers put reasoning in `reasoning_content`. */
  vllm: {
    name: 'vllm',
    displayName: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    quirks: { reasoningField: 'reasoning_content' },
  },
  /** llama.cpp's `llama-server`: takes earlier reasoning back in `reasoning_content`, and images in tool results. */
  llamaCpp: {
    name: 'llamacpp',
    displayName: 'llama.cpp',
    baseURL: 'http://localhost:8080/v1',
    quirks: { reasoningField: 'reasoning_content', sendReasoning: true, imageToolResults: true },
  },
  /** LM Studio's server; it also speaks the Responses API (`responsesModel(client, id)`). */
  lmStudio: {
    name: 'lmstudio',
    displayName: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    quirks: { reasoningField: 'reasoning_content' },
  },
  /** LocalAI: JSON mode without JSON schemas; usage is not asked for in streams. */
  localAI: {
    name: 'localai',
    displayName: 'LocalAI',
    baseURL: 'http://localhost:8080/v1',
    quirks: { structuredOutput: 'json_object', streamUsage: false },
  },
  /** Ollama's `/v1` endpoint: reasoning in `reasoning` (as its recordings show), JSON schemas. */
  ollama: {
    name: 'ollama',
    displayName: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    quirks: { reasoningField: 'reasoning' },
  },
} as const satisfies { [server: string]: KnownServer };
