/** The base URL to give each provider package's client so that it talks to the simulator. */
export interface SimulatorBaseURLs {
  /** `<url>/v1` — OpenAI (Responses and Chat Completions) and OpenAI-compatible clients. */
  openai: string;
  /** `<url>/v1` — Anthropic (`/v1/messages`). */
  anthropic: string;
  /** `<url>/v1beta` — Gemini (`/v1beta/models/{model}:generateContent`). */
  gemini: string;
  /** `<url>` — Ollama (`/api/chat`). */
  ollama: string;
}

/** The provider base URLs of a simulator reachable at `url`. */
export function simulatorBaseURLs(url: string): SimulatorBaseURLs {
  return { openai: `${url}/v1`, anthropic: `${url}/v1`, gemini: `${url}/v1beta`, ollama: url };
}
