// Records what server-everything answers (tools/list and a few calls) into src/__fixtures__, once, for the converter
// tests. Usage from packages/mcp: node src/test-utils/record-server-everything.mjs src/__fixtures__/server-everything-<version>.json
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const everything = require
  .resolve('@modelcontextprotocol/server-everything/package.json')
  .replace(/package\.json$/, 'dist/index.js');
const client = new Client({ name: 'record', version: '0' });
await client.connect(
  new StdioClientTransport({ command: process.execPath, args: [everything, 'stdio'], stderr: 'ignore' }),
);
const calls = [
  ['echo', { message: 'hi' }],
  ['get-sum', { a: 2, b: 3 }],
  ['get-tiny-image', {}],
  ['get-resource-reference', { resourceType: 'Text', resourceId: 1 }],
  ['get-resource-reference', { resourceType: 'Blob', resourceId: 2 }],
  ['get-resource-links', { count: 2 }],
  ['get-annotated-message', { messageType: 'error', includeImage: false }],
  ['get-structured-content', { location: 'New York' }],
  ['no-such-tool', {}],
];
const recorded = [];
for (const [name, args] of calls)
  recorded.push({ name, arguments: args, result: await client.callTool({ name, arguments: args }) });
const { tools } = await client.listTools();
writeFileSync(
  process.argv[2],
  JSON.stringify(
    {
      server: client.getServerVersion(),
      protocolVersion: client.getNegotiatedProtocolVersion(),
      tools,
      calls: recorded,
    },
    null,
    2,
  ) + '\n',
);
await client.close();
