import { describe, expect, it } from 'vitest';
import { parseChatArguments } from './parse-chat-arguments.js';

// No provider, model, delay or question: `toEqual` reads an undefined field as an absent one, so only the flags show.
const DEFAULTS = { typed: false, tools: false, help: false };

describe('parseChatArguments', () => {
  it('is interactive with no argument', () => {
    expect(parseChatArguments([])).toEqual(DEFAULTS);
  });

  it('joins the words into one question and reads every flag, as --flag value and --flag=value', () => {
    expect(
      parseChatArguments([
        '--provider',
        'anthropic',
        'what',
        'is',
        '--model=claude-sonnet-4-5',
        'rust?',
        '--sim-delay-ms',
        '0',
      ]),
    ).toEqual({
      ...DEFAULTS,
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      simDelayMs: 0,
      question: 'what is rust?',
    });
    expect(parseChatArguments(['--typed', 'I love it'])).toEqual({ ...DEFAULTS, typed: true, question: 'I love it' });
    expect(parseChatArguments(['--tools'])).toEqual({ ...DEFAULTS, tools: true });
    expect(parseChatArguments(['-h']).help).toBe(true);
    expect(parseChatArguments(['--help']).help).toBe(true);
  });

  it('drops the leading -- that pnpm passes on; a later -- ends the options', () => {
    expect(parseChatArguments(['--', '--provider', 'sim', 'hello'])).toEqual({
      ...DEFAULTS,
      provider: 'sim',
      question: 'hello',
    });
    expect(parseChatArguments(['--', '--', '--typed'])).toEqual({ ...DEFAULTS, question: '--typed' });
    expect(parseChatArguments(['--provider=ollama', '--', '-h'])).toEqual({
      ...DEFAULTS,
      provider: 'ollama',
      question: '-h',
    });
  });

  it('treats blank words as no question', () => {
    expect(parseChatArguments(['  ']).question).toBeUndefined();
  });

  it('rejects what it does not know, with a readable message', () => {
    expect(() => parseChatArguments(['--provider', 'mistral'])).toThrow(
      'unknown provider "mistral": use one of openai, anthropic, gemini, ollama, sim',
    );
    expect(() => parseChatArguments(['--provider'])).toThrow('--provider needs a value');
    expect(() => parseChatArguments(['--model='])).toThrow('--model needs a value');
    expect(() => parseChatArguments(['--sim-delay-ms', '-5'])).toThrow(
      '--sim-delay-ms needs a whole number of milliseconds (got -5)',
    );
    expect(() => parseChatArguments(['--sim-delay-ms=1.5'])).toThrow(
      '--sim-delay-ms needs a whole number of milliseconds (got 1.5)',
    );
    expect(() => parseChatArguments(['--verbose'])).toThrow('unknown option --verbose');
    expect(() => parseChatArguments(['--typed', '--tools'])).toThrow(
      '--typed and --tools are two separate demos: pick one',
    );
  });
});
