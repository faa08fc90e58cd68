import { describe, expect, it } from 'vitest';
import * as gemini from './index.js';

describe('@rig-ts/gemini public API', () => {
  it('exports the client, the model class, the defaults and the version by name', () => {
    expect(Object.keys(gemini).sort()).toEqual(['Client', 'GEMINI_DEFAULTS', 'GeminiCompletionModel', 'VERSION']);
  });

  it('reads like Rig: gemini.Client.fromEnv().completionModel(id)', () => {
    const model = gemini.Client.fromEnv().completionModel('gemini-2.5-flash');
    expect(model).toBeInstanceOf(gemini.GeminiCompletionModel);
    expect(model.provider).toBe('gemini');
    expect(model.modelId).toBe('gemini-2.5-flash');
  });
});
