import { PromptError } from '@rig-ts/core';
import { readJsonFixture } from '@rig-ts/fixtures';
import { jsonResponse, recordingFetch } from '@rig-ts/provider-tests';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as perplexity from './index.js';

afterEach(() => vi.unstubAllEnvs());

const text = readJsonFixture('perplexity/vercel-ai/perplexity-text.json');

describe('perplexity.Client', () => {
  it('reads PERPLEXITY_API_KEY when a request is made and posts to /chat/completions', async () => {
    vi.stubEnv('PERPLEXITY_API_KEY', 'pplx-env');
    const recorded = recordingFetch(() => jsonResponse(text));
    const answer = await new perplexity.Client({ fetch: recorded.fetch })
      .completionModel('sonar')
      .prompt('Invent a holiday');
    expect(answer).toMatch(/^\*\*EcoVista Day\*\*/);
    expect(recorded.requests).toEqual([
      {
        url: 'https://api.perplexity.ai/chat/completions',
        headers: { authorization: 'Bearer pplx-env', 'content-type': 'application/json' },
        body: { model: 'sonar', messages: [{ role: 'user', content: 'Invent a holiday' }] },
      },
    ]);
  });

  it('names the option and the variable when the key is missing', async () => {
    vi.stubEnv('PERPLEXITY_API_KEY', '');
    const error = await perplexity.Client.fromEnv()
      .completionModel('sonar')
      .prompt('hi')
      .catch((caught: unknown) => caught);
    expect(PromptError.isInstance(error)).toBe(true);
    expect((error as PromptError).cause).toMatchObject({
      kind: 'request',
      message:
        'Perplexity API key is missing: pass it as the apiKey option or set the PERPLEXITY_API_KEY environment variable',
    });
  });

  it('sends the search options under their wire names, drops tools with a warning, and streams without stream_options', async () => {
    const recorded = recordingFetch(
      () =>
        new Response(
          'data: {"id":"p","model":"sonar","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const model = new perplexity.Client({ apiKey: 'k', fetch: recorded.fetch }).completionModel('sonar-pro', {
      searchMode: 'academic',
      searchDomainFilter: ['arxiv.org', '-reddit.com'],
      webSearchOptions: { search_context_size: 'high' },
    });
    const stream = await model
      .completionRequest('Latest results on protein folding?')
      .maxTokens(500)
      .tool({ name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: {} } })
      .providerOptions({
        perplexity: {
          searchRecencyFilter: 'month',
          returnImages: true,
          returnRelatedQuestions: true,
          searchAfterDateFilter: '01/01/2025',
        },
      })
      .stream();
    const final = await stream.final;
    expect(recorded.requests[0]?.body).toEqual({
      model: 'sonar-pro',
      messages: [{ role: 'user', content: 'Latest results on protein folding?' }],
      max_tokens: 500,
      search_mode: 'academic',
      search_domain_filter: ['arxiv.org', '-reddit.com'],
      search_recency_filter: 'month',
      search_after_date_filter: '01/01/2025',
      return_images: true,
      return_related_questions: true,
      web_search_options: { search_context_size: 'high' },
      stream: true,
    });
    expect(final.warnings).toEqual([
      { type: 'unsupported', feature: 'tools', details: 'this server takes no function tools; they were not sent' },
    ]);
  });

  it('keeps search_results beside citations', async () => {
    const searchResults = [{ title: 'EcoVista', url: 'https://eco.test/vista', date: '2025-03-01' }];
    const response = await new perplexity.Client({
      apiKey: 'k',
      fetch: recordingFetch(() => jsonResponse({ ...text, search_results: searchResults })).fetch,
    })
      .completionModel('sonar')
      .completion({
        chatHistory: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
        documents: [],
        tools: [],
      });
    expect(response.choice[0]).toMatchObject({
      type: 'text',
      providerMetadata: { openai: { citations: text.citations, searchResults } },
    });
  });
});
