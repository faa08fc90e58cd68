import { describe, expect, it } from 'vitest';
import * as ollama from './index.js';

describe('@rig-ts/ollama public API', () => {
  it('exports the client, the model class, the defaults and the version by name', () => {
    expect(Object.keys(ollama).sort()).toEqual(['Client', 'OLLAMA_DEFAULTS', 'OllamaCompletionModel', 'VERSION']);
  });

  it('reads like Rig: ollama.Client.fromEnv().completionModel(id)', () => {
    const model = ollama.Client.fromEnv().completionModel('llama3.2');
    expect(model).toBeInstanceOf(ollama.OllamaCompletionModel);
    expect(model.provider).toBe('ollama');
    expect(model.modelId).toBe('llama3.2');
  });
});
