import { Message, textOf } from 'rig-ts';
import * as openai from '@rig-ts/openai';

const model = openai.Client.fromEnv().completionModel('gpt-4o'); // reads OPENAI_API_KEY

// Basic completion
console.log(await model.prompt('Explain quantum computing'));

// Contextual chat: the conversation so far is a plain Message[] (JSON in, JSON out)
const history = [Message.user('Who wrote Dune?'), Message.assistant('Frank Herbert, in 1965.')];
console.log(await model.chat('What else did he write?', history));

// Advanced request configuration: send() resolves to the whole response
const response = await model
  .completionRequest('Summarize our discussion')
  .preamble('You are a literary expert.')
  .messages(history)
  .temperature(0.8)
  .maxTokens(200)
  .send();
console.log(textOf(response.choice)); // its text; response.usage and response.finishReason sit beside it

// Streaming
const stream = await model.streamPrompt('Tell me a story');
for await (const text of stream.textStream) process.stdout.write(text);
