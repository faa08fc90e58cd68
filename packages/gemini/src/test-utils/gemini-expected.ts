// The exact result of every real Gemini recording, written out from reading each file.
import type { AssistantContent, FinishReason, ToolCall, Usage } from '@rig-ts/core';
import { recordedParts, recordedSignature } from './gemini-replay.js';

export interface ExpectedResult {
  choice: AssistantContent[];
  usage: Usage;
  finishReason: FinishReason;
  rawFinishReason: string;
  id: string;
  model: string;
}

const P = 'google/pydantic-ai/';
const V = 'google/vercel-ai/';

function call(id: string, name: string, args: unknown, signature?: string): ToolCall {
  const toolCall: ToolCall = { type: 'tool-call', id, function: { name, arguments: args } };
  if (signature !== undefined) toolCall.signature = signature;
  return toolCall;
}

function text(value: string, signature?: string): AssistantContent {
  return signature === undefined ? { type: 'text', text: value } : { type: 'text', text: value, providerMetadata: { gemini: { thoughtSignature: signature } } };
}

// The long answers are the plain concatenation of the recorded parts' texts.
function joinedText(file: string, thought: boolean): string {
  return recordedParts(file)
    .filter((part) => Boolean(part.thought) === thought && part.text !== undefined)
    .map((part) => part.text)
    .join('');
}

function result(
  id: string,
  model: string,
  usage: Usage,
  finishReason: FinishReason,
  choice: AssistantContent[],
): ExpectedResult {
  return { choice, usage, finishReason, rawFinishReason: 'STOP', id, model };
}

const thinking = `${P}test_google_model_thinking_part_iter.0.response.sse`;
const webSearchStream = `${P}test_google_model_web_search_tool_stream.0.response.sse`;
const webSearchAnswer = `${P}test_google_model_web_search_tool_stream.1.response.json`;
const noArgs = `${V}google-stream-no-args-tool-call.chunks.txt`;

/** Non-streamed bodies (`completion()`). */
export const EXPECTED_JSON: { [file: string]: ExpectedResult } = {
  [`${P}test_google_instructions_only_with_tool_calls.0.response.json`]: result(
    'wOd8abGuO5rgz7IP5tLEGA',
    'gemini-3-flash-preview',
    { promptTokens: 83, completionTokens: 220, totalTokens: 303, reasoningTokens: 190 },
    'tool-calls',
    [
      call('gemini-wOd8abGuO5rgz7IP5tLEGA-0', 'generate_topic', {}, recordedSignature(`${P}test_google_instructions_only_with_tool_calls.0.response.json`, 0, 0)),
      call('gemini-wOd8abGuO5rgz7IP5tLEGA-1', 'generate_topic', {}),
      call('gemini-wOd8abGuO5rgz7IP5tLEGA-2', 'generate_topic', {}),
    ],
  ),
  [`${P}test_google_instructions_only_with_tool_calls.1.response.json`]: result(
    'wud8aZm_Lf6tz7IP37eN4A8',
    'gemini-3-flash-preview',
    { promptTokens: 348, completionTokens: 50, totalTokens: 398, reasoningTokens: 40 },
    'tool-calls',
    [call('gemini-wud8aZm_Lf6tz7IP37eN4A8-0', 'generate_topic', {}, recordedSignature(`${P}test_google_instructions_only_with_tool_calls.1.response.json`, 0, 0))],
  ),
  [`${P}test_google_instructions_only_with_tool_calls.2.response.json`]: result(
    'xOd8af-EN9nRz7IPqJDR-AM',
    'gemini-3-flash-preview',
    { promptTokens: 415, completionTokens: 115, totalTokens: 530, reasoningTokens: 105 },
    'tool-calls',
    [call('gemini-xOd8af-EN9nRz7IPqJDR-AM-0', 'generate_topic', {}, recordedSignature(`${P}test_google_instructions_only_with_tool_calls.2.response.json`, 0, 0))],
  ),
  [`${P}test_google_instructions_only_with_tool_calls.3.response.json`]: result(
    'xud8aaquOP6tz7IP67eN4A8',
    'gemini-3-flash-preview',
    { promptTokens: 546, completionTokens: 116, totalTokens: 662, reasoningTokens: 106 },
    'tool-calls',
    [call('gemini-xud8aaquOP6tz7IP67eN4A8-0', 'generate_topic', {}, recordedSignature(`${P}test_google_instructions_only_with_tool_calls.3.response.json`, 0, 0))],
  ),
  [`${P}test_google_instructions_only_with_tool_calls.4.response.json`]: result(
    'yud8adv2DI2Hz7IP766XuAM',
    'gemini-3-flash-preview',
    { promptTokens: 679, completionTokens: 300, totalTokens: 979, reasoningTokens: 235 },
    'tool-calls',
    [
      call(
        'gemini-yud8adv2DI2Hz7IP766XuAM-0',
        'final_result',
        {
          response: [
            'What kind of car does a sheep drive? A Lamborghini!',
            "Why don't you see penguins in Great Britain? Because they're afraid of Wales!",
            'What happened when the wheel was invented? It caused a revolution!',
          ],
        },
        recordedSignature(`${P}test_google_instructions_only_with_tool_calls.4.response.json`, 0, 0),
      ),
    ],
  ),
  [webSearchAnswer]: result(
    'itnJaJK1BsGxqtsPrIeb6Ao',
    'gemini-2.5-pro',
    // 249 prompt + 319 tool-use prompt; 240 candidates + 301 thoughts.
    { promptTokens: 568, completionTokens: 541, totalTokens: 1109, reasoningTokens: 301 },
    'stop',
    [text(joinedText(webSearchAnswer, false))],
  ),
  [`${P}test_google_native_output.0.response.json`]: result('EfsgaZT5JPbXz7IPqtGJkQ8', 'gemini-2.0-flash', { promptTokens: 8, completionTokens: 20, totalTokens: 28 }, 'stop', [
    text('{\n  "city": "Mexico City",\n  "country": "Mexico"\n}'),
  ]),
  [`${V}google-reasoning-gemini3.json`]: result(
    'DniLab2dFPeSxN8PpqXY4Ag',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 287, totalTokens: 296, reasoningTokens: 258 },
    'stop',
    [text('There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.', recordedSignature(`${V}google-reasoning-gemini3.json`, 0, 0))],
  ),
  [`${V}google-reasoning.json`]: result(
    'YH6LaZT7ENmPxN8P-r2J8Aw',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 311, totalTokens: 320, reasoningTokens: 282 },
    'stop',
    [text('There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.', recordedSignature(`${V}google-reasoning.json`, 0, 0))],
  ),
  [`${V}google-text.json`]: result(
    'Un6LacrVMcjUxs0PmJfWoQc',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 272, totalTokens: 281, reasoningTokens: 244 },
    'stop',
    [text("There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.", recordedSignature(`${V}google-text.json`, 0, 0))],
  ),
  [`${V}google-tool-call-gemini3.json`]: result(
    'JniLacKqGqH0xs0P0O776As',
    'gemini-3-pro-preview',
    { promptTokens: 29, completionTokens: 1816, totalTokens: 1845, reasoningTokens: 1801 },
    'tool-calls',
    [call('gemini-JniLacKqGqH0xs0P0O776As-0', 'weather', { location: 'San Francisco' }, recordedSignature(`${V}google-tool-call-gemini3.json`, 0, 0))],
  ),
  [`${V}google-tool-call.json`]: result(
    'm36LaZGyCLz1xs0PtNSB-QU',
    'gemini-3-pro-preview',
    { promptTokens: 29, completionTokens: 908, totalTokens: 937, reasoningTokens: 893 },
    'tool-calls',
    [call('gemini-m36LaZGyCLz1xs0PtNSB-QU-0', 'weather', { location: 'San Francisco' }, recordedSignature(`${V}google-tool-call.json`, 0, 0))],
  ),
};

/** Streams: raw `.sse` bodies and `.chunks.txt` lists (`stream()`). */
export const EXPECTED_STREAMS: { [file: string]: ExpectedResult } = {
  [`${P}test_google_model_iter_stream.0.response.sse`]: result('1lpeaMTxIpW1nvgP-O3vwQY', 'gemini-2.0-flash', { promptTokens: 52, completionTokens: 5, totalTokens: 57 }, 'tool-calls', [
    call('gemini-1lpeaMTxIpW1nvgP-O3vwQY-0', 'get_capital', { country: 'France' }),
  ]),
  [`${P}test_google_model_iter_stream.1.response.sse`]: result('11peaOXwBPH_2PgPh_z--AY', 'gemini-2.0-flash', { promptTokens: 64, completionTokens: 5, totalTokens: 69 }, 'tool-calls', [
    call('gemini-11peaOXwBPH_2PgPh_z--AY-0', 'get_temperature', { city: 'Paris' }),
  ]),
  [`${P}test_google_model_iter_stream.2.response.sse`]: result('11peaI_ZJLq3nvgP0vasuQk', 'gemini-2.0-flash', { promptTokens: 79, completionTokens: 12, totalTokens: 91 }, 'stop', [
    text('The temperature in Paris is 30°C.\n'),
  ]),
  [`${P}test_google_model_stream.0.response.sse`]: result('w1peaMz6INOvnvgPgYfPiQY', 'gemini-2.0-flash-exp', { promptTokens: 13, completionTokens: 8, totalTokens: 21 }, 'stop', [
    text('The capital of France is Paris.\n'),
  ]),
  [thinking]: result(
    'beHBaJfEMIi-qtsP3769-Q8',
    'gemini-2.5-pro',
    { promptTokens: 34, completionTokens: 1256, totalTokens: 1290, reasoningTokens: 787 },
    'stop',
    [
      // Four thought summaries form one reasoning block; Gemini 2.5 signs the first answer part, so the signature stays on the text.
      { type: 'reasoning', content: [{ type: 'text', text: joinedText(thinking, true) }] },
      text(joinedText(thinking, false), recordedSignature(thinking, 4, 0)),
    ],
  ),
  [webSearchStream]: result(
    'ftnJaMmAMcm-qtsPwvCCoAo',
    'gemini-2.5-pro',
    // 17 prompt + 102 tool-use prompt; 241 candidates + 412 thoughts.
    { promptTokens: 119, completionTokens: 653, totalTokens: 772, reasoningTokens: 412 },
    'stop',
    [text(joinedText(webSearchStream, false))],
  ),
  [`${P}test_google_stream_usage_is_live_mid_stream.0.response.sse`]: result(
    'ru1garvBEoOiqtsP2fznmQw',
    'gemini-2.5-flash',
    { promptTokens: 18, completionTokens: 115, totalTokens: 133, reasoningTokens: 35 },
    'stop',
    [text(Array.from({ length: 30 }, (_, index) => String(index + 1)).join('\n'))],
  ),
  [`${P}test_google_streaming_tool_call_thought_signature.0.response.sse`]: result(
    'QUVVadTSNJ6_qtsPvN7J8Q0',
    'gemini-3-pro-preview',
    { promptTokens: 29, completionTokens: 212, totalTokens: 241, reasoningTokens: 202 },
    'tool-calls',
    [call('gemini-QUVVadTSNJ6_qtsPvN7J8Q0-0', 'get_country', {}, recordedSignature(`${P}test_google_streaming_tool_call_thought_signature.0.response.sse`, 0, 0))],
  ),
  [`${P}test_google_streaming_tool_call_thought_signature.1.response.sse`]: result(
    'REVVabaiCdq4qtsPnZu96Qo',
    'gemini-3-pro-preview',
    { promptTokens: 257, completionTokens: 8, totalTokens: 265 },
    'stop',
    [text('The capital of Mexico is Mexico City.')],
  ),
  [`${V}google-reasoning-gemini3.chunks.txt`]: result(
    'M3iLaY-AI7zTxN8P3Piw4Qg',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 325, totalTokens: 334, reasoningTokens: 302 },
    'stop',
    // The signature arrives on a last, empty text part: it belongs to the text before it.
    [text('There are **3** "r"s in strawberry.\n\nSt**r**awbe**rr**y', recordedSignature(`${V}google-reasoning-gemini3.chunks.txt`, 2, 0))],
  ),
  [`${V}google-reasoning.chunks.txt`]: result(
    'dX6LadKVC7SZ28oPr9yJoQs',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 285, totalTokens: 294, reasoningTokens: 256 },
    'stop',
    [text('There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.', recordedSignature(`${V}google-reasoning.chunks.txt`, 2, 0))],
  ),
  [noArgs]: result(
    '_vr4aYiWEJnYodAPkujX0QM',
    'gemini-3-flash-preview',
    { promptTokens: 249, completionTokens: 241, totalTokens: 490, reasoningTokens: 183 },
    'tool-calls',
    [
      { type: 'reasoning', content: [{ type: 'text', text: joinedText(noArgs, true) }] },
      call('gemini-_vr4aYiWEJnYodAPkujX0QM-0', 'read_theme', {}, recordedSignature(noArgs, 1, 0)),
      call('gemini-_vr4aYiWEJnYodAPkujX0QM-1', 'read_screen', { id: 'A' }),
      call('gemini-_vr4aYiWEJnYodAPkujX0QM-2', 'read_screen', { id: 'B' }),
      call('gemini-_vr4aYiWEJnYodAPkujX0QM-3', 'read_screen', { id: 'C' }),
    ],
  ),
  [`${V}google-stream-tool-call-arguments.chunks.txt`]: result(
    'dqHOab6xGLzWodAPkPuViA4',
    'gemini-3.1-pro-preview',
    { promptTokens: 26, completionTokens: 155, totalTokens: 181, reasoningTokens: 132 },
    'tool-calls',
    [
      call('gemini-dqHOab6xGLzWodAPkPuViA4-0', 'getWeather', { location: 'Boston' }, recordedSignature(`${V}google-stream-tool-call-arguments.chunks.txt`, 0, 0)),
      call('gemini-dqHOab6xGLzWodAPkPuViA4-1', 'getWeather', { location: 'San Francisco' }),
    ],
  ),
  [`${V}google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt`]: result(
    '3noMaojQL_2s6tkPiO26qQ4',
    'gemini-3-flash-preview',
    { promptTokens: 54, completionTokens: 195, totalTokens: 249, reasoningTokens: 121 },
    'tool-calls',
    [
      call(
        'gemini-3noMaojQL_2s6tkPiO26qQ4-0',
        'writeItems',
        {
          operations: [
            { action: 'add', description: 'Fresh red apple', itemid: 'apple_001', price: 0.5 },
            { action: 'add', description: 'Ripe yellow banana', itemid: 'banana_001', price: 0.3 },
          ],
        },
        recordedSignature(`${V}google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt`, 0, 0),
      ),
    ],
  ),
  [`${V}google-text.chunks.txt`]: result(
    'bH6LaZW8Fp_3nsEPqtaSwQ4',
    'gemini-3-pro-preview',
    { promptTokens: 9, completionTokens: 208, totalTokens: 217, reasoningTokens: 185 },
    'stop',
    [text('There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y', recordedSignature(`${V}google-text.chunks.txt`, 2, 0))],
  ),
  [`${V}google-tool-call-gemini3.chunks.txt`]: result(
    'QHiLaa6LBrb8vdIPoNztsAg',
    'gemini-3-pro-preview',
    { promptTokens: 29, completionTokens: 819, totalTokens: 848, reasoningTokens: 804 },
    'tool-calls',
    [call('gemini-QHiLaa6LBrb8vdIPoNztsAg-0', 'weather', { location: 'San Francisco' }, recordedSignature(`${V}google-tool-call-gemini3.chunks.txt`, 0, 0))],
  ),
  [`${V}google-tool-call.chunks.txt`]: result(
    'b36LacjwM668nsEP2tbsgQQ',
    'gemini-3-pro-preview',
    { promptTokens: 29, completionTokens: 60, totalTokens: 89, reasoningTokens: 45 },
    'tool-calls',
    [call('gemini-b36LacjwM668nsEP2tbsgQQ-0', 'weather', { location: 'San Francisco' }, recordedSignature(`${V}google-tool-call.chunks.txt`, 0, 0))],
  ),
  [`${V}google-vertex-stream-tool-call-arguments-nested.1.chunks.txt`]: result(
    'tjXVaYaxFISTq8YP_MWiyAo',
    'gemini-3.1-pro-preview',
    { promptTokens: 31, completionTokens: 1710, totalTokens: 1741, reasoningTokens: 1026 },
    'tool-calls',
    [
      call(
        'gemini-tjXVaYaxFISTq8YP_MWiyAo-0',
        'cookRecipe',
        {
          recipe: {
            ingredients: [
              { amount: '16 oz', name: 'Lasagna noodles' },
              { amount: '1 lb', name: 'Ground beef' },
              { amount: '15 oz', name: 'Ricotta cheese' },
              { amount: '3 cups', name: 'Mozzarella cheese' },
              { amount: '1/2 cup', name: 'Parmesan cheese' },
              { amount: '24 oz', name: 'Tomato sauce' },
              { amount: '1', name: 'Egg' },
              { amount: '2 cloves', name: 'Garlic' },
              { amount: '1 tsp', name: 'Salt' },
              { amount: '1/2 tsp', name: 'Pepper' },
            ],
            name: 'Lasagna',
            steps: [
              'Preheat oven to 375°F (190°C).',
              'Cook lasagna noodles according to package directions, drain and set aside.',
              'Brown ground beef with minced garlic in a skillet. Drain fat and stir in tomato sauce. Simmer for 10 minutes.',
              'In a bowl, mix ricotta cheese, egg, salt, pepper, and Parmesan cheese.',
              'In a 9x13 baking dish, spread a thin layer of meat sauce.',
              'Layer noodles, ricotta mixture, mozzarella, and meat sauce. Repeat.',
              'Top with remaining mozzarella cheese.',
              'Cover with foil and bake for 25 minutes.',
              'Remove foil and bake for another 25 minutes until golden.',
              'Let stand for 15 minutes before serving.',
            ],
          },
        },
        recordedSignature(`${V}google-vertex-stream-tool-call-arguments-nested.1.chunks.txt`, 0, 0),
      ),
    ],
  ),
};
