// A browser app that sends one prompt to a local Ollama server.
import * as ollama from '@rig-ts/ollama';

const model = new ollama.Client().completionModel('llama3.2');
model.prompt('Explain quantum computing').then((text) => {
  document.body.textContent = text;
});
