// A browser test that streams from the scripted MockCompletionModel.
import { MockCompletionModel } from '@rig-ts/testkit';

const model = new MockCompletionModel(['Hello from the mock']);
const stream = await model.streamPrompt('hello');
for await (const text of stream.textStream) document.body.append(text);
