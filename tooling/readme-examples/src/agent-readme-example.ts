import { AgentBuilder, tool } from 'rig-ts';
import * as openai from '@rig-ts/openai';
import { WeatherQuery } from './schemas.gen.js'; // made by `rig-schema src/schemas.ts -o src/schemas.gen.ts`

const weather = tool({
  name: 'weather',
  description: 'The weather in a city',
  parameters: WeatherQuery, // so `execute` gets a typed { city: string }, checked by a precompiled validator
  execute: async ({ city }) => `Sunny in ${city}`,
});

const agent = new AgentBuilder(openai.Client.fromEnv().completionModel('gpt-4o'))
  .preamble('You are a helpful assistant.')
  .tool(weather)
  .build();
console.log(await agent.prompt('What is the weather in Paris?'));
