// A browser app that sends one prompt to Claude through @rig-ts/anthropic.
import * as anthropic from '@rig-ts/anthropic';

const client = new anthropic.Client({
  apiKey: 'key-from-your-backend',
  headers: { 'anthropic-dangerous-direct-browser-access': 'true' },
});
const text = await client.completionModel('claude-sonnet-4-5').prompt('Explain quantum computing');
document.body.textContent = text;
