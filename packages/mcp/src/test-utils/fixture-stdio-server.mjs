// A stdio MCP server built with the SDK's own server classes, for the tests: it records what it receives to the file
// named by FIXTURE_LOG (one JSON line per event) and has tools that crash the process, hang, and change the tool list.
import { appendFileSync } from 'node:fs';
import { fromJsonSchema, McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

const logFile = process.env.FIXTURE_LOG;
function record(event) {
  if (logFile) appendFileSync(logFile, `${JSON.stringify(event)}\n`);
}

const textArgument = fromJsonSchema({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });
const noArguments = fromJsonSchema({ type: 'object', properties: {} });

serveStdio(({ era }) => {
  const server = new McpServer(
    { name: 'fixture-stdio', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } } },
  );
  server.registerTool('echo', { description: 'Echoes the text', inputSchema: textArgument }, async (args) => {
    record({ era, tool: 'echo', arguments: args });
    return { content: [{ type: 'text', text: `echo: ${args.text}` }] };
  });
  server.registerTool(
    'crash',
    { description: 'Exits the server process in the middle of the call', inputSchema: noArguments },
    async (args) => {
      record({ era, tool: 'crash', arguments: args });
      setTimeout(() => process.exit(3), 10);
      return new Promise(() => {});
    },
  );
  server.registerTool('hang', { description: 'Never answers', inputSchema: noArguments }, async (args, ctx) => {
    record({ era, tool: 'hang', arguments: args });
    ctx.mcpReq.signal.addEventListener('abort', () => record({ era, tool: 'hang', cancelled: true }));
    return new Promise(() => {});
  });
  server.registerTool('add-tool', { description: 'Adds the tool "late"', inputSchema: noArguments }, async (args) => {
    record({ era, tool: 'add-tool', arguments: args });
    server.registerTool(
      'late',
      { description: 'A tool added while running', inputSchema: textArgument },
      async (lateArgs) => {
        record({ era, tool: 'late', arguments: lateArgs });
        return { content: [{ type: 'text', text: `late: ${lateArgs.text}` }] };
      },
    );
    return { content: [{ type: 'text', text: 'added "late"' }] };
  });
  return server;
});
