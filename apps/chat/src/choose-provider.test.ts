import { describe, expect, it } from 'vitest';
import { chooseProvider, ollamaURL, type ProbeOllama } from './choose-provider.js';

/** A probe that answers like an Ollama server with `models` (or like nothing at all), recording the URLs asked. */
function probe(models: string[] | undefined): ProbeOllama & { asked: string[] } {
  const asked: string[] = [];
  return Object.assign(
    async (url: string) => {
      asked.push(url);
      return models;
    },
    { asked },
  );
}

describe('chooseProvider', () => {
  it('takes the first API key found, in the documented order, without asking Ollama', async () => {
    const nothing = probe(undefined);
    expect(
      await chooseProvider({}, { ANTHROPIC_API_KEY: 'a', GEMINI_API_KEY: 'g', OPENAI_API_KEY: 'o' }, nothing),
    ).toEqual({ provider: 'openai', model: 'gpt-4o-mini', reason: 'OPENAI_API_KEY is set' });
    expect(await chooseProvider({}, { GEMINI_API_KEY: 'g', ANTHROPIC_API_KEY: 'a' }, nothing)).toEqual({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      reason: 'ANTHROPIC_API_KEY is set',
    });
    expect(await chooseProvider({}, { GOOGLE_API_KEY: 'g' }, nothing)).toEqual({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      reason: 'GOOGLE_API_KEY is set',
    });
    expect(await chooseProvider({ model: 'gpt-4.1' }, { OPENAI_API_KEY: 'o' }, nothing)).toEqual({
      provider: 'openai',
      model: 'gpt-4.1',
      reason: 'OPENAI_API_KEY is set',
    });
    expect(nothing.asked).toEqual([]);
  });

  it('ignores empty keys', async () => {
    expect((await chooseProvider({}, { OPENAI_API_KEY: ' ', ANTHROPIC_API_KEY: '' }, probe(undefined))).provider).toBe(
      'sim',
    );
  });

  it('then Ollama when it answers: its llama3.2 if installed, else its first model', async () => {
    const withLlama = probe(['qwen3:8b', 'llama3.2:latest']);
    expect(await chooseProvider({}, {}, withLlama)).toEqual({
      provider: 'ollama',
      model: 'llama3.2:latest',
      reason: 'no API key in the environment; Ollama answers on http://127.0.0.1:11434',
    });
    expect(withLlama.asked).toEqual(['http://127.0.0.1:11434']);
    expect(await chooseProvider({}, { OLLAMA_HOST: '10.0.0.5' }, probe(['qwen3:8b']))).toEqual({
      provider: 'ollama',
      model: 'qwen3:8b',
      reason: 'no API key in the environment; Ollama answers on http://10.0.0.5:11434',
    });
  });

  it('else the simulator, saying why', async () => {
    expect(await chooseProvider({}, {}, probe(undefined))).toEqual({
      provider: 'sim',
      model: 'rig-sim',
      reason: 'no API key in the environment, no Ollama on http://127.0.0.1:11434',
    });
    expect(await chooseProvider({}, {}, probe([]))).toEqual({
      provider: 'sim',
      model: 'rig-sim',
      reason: 'no API key in the environment, Ollama on http://127.0.0.1:11434 has no model (ollama pull llama3.2)',
    });
  });

  it('follows --provider and --model', async () => {
    const nothing = probe(undefined);
    expect(await chooseProvider({ provider: 'sim' }, { OPENAI_API_KEY: 'o' }, nothing)).toEqual({
      provider: 'sim',
      model: 'rig-sim',
      reason: '--provider sim',
    });
    expect(await chooseProvider({ provider: 'gemini', model: 'gemini-2.5-pro' }, {}, nothing)).toEqual({
      provider: 'gemini',
      model: 'gemini-2.5-pro',
      reason: '--provider gemini',
    });
    expect(nothing.asked).toEqual([]);
    expect(await chooseProvider({ provider: 'ollama' }, {}, probe(['mistral:7b']))).toEqual({
      provider: 'ollama',
      model: 'mistral:7b',
      reason: '--provider ollama',
    });
    expect(await chooseProvider({ provider: 'ollama' }, {}, probe(undefined))).toEqual({
      provider: 'ollama',
      model: 'llama3.2',
      reason: '--provider ollama',
    });
  });
});

describe('ollamaURL', () => {
  it('reads OLLAMA_HOST as Ollama does', () => {
    expect(ollamaURL({})).toBe('http://127.0.0.1:11434');
    expect(ollamaURL({ OLLAMA_HOST: 'localhost' })).toBe('http://localhost:11434');
    expect(ollamaURL({ OLLAMA_HOST: '0.0.0.0:8080' })).toBe('http://0.0.0.0:8080');
    expect(ollamaURL({ OLLAMA_HOST: ':8080' })).toBe('http://127.0.0.1:8080');
    expect(ollamaURL({ OLLAMA_HOST: 'https://ollama.internal/' })).toBe('https://ollama.internal');
    expect(ollamaURL({ OLLAMA_HOST: 'http://127.0.0.1:9000' })).toBe('http://127.0.0.1:9000');
  });
});
