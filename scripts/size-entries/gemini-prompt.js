// A browser app that sends one prompt to Gemini.
import * as gemini from '@rig-ts/gemini';

const model = new gemini.Client({ apiKey: 'browser-key' }).completionModel('gemini-2.5-flash');
model.prompt('Explain quantum computing').then((text) => {
  document.body.textContent = text;
});
