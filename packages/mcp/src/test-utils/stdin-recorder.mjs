// Starts a stdio MCP server and appends every byte it receives on stdin to a file, so a test can assert the requests
// a server it did not write received. Usage: node stdin-recorder.mjs <log file> <server script> [arguments...]
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

const [logFile, script, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'inherit', 'inherit'] });
process.stdin.on('data', (chunk) => {
  appendFileSync(logFile, chunk);
  child.stdin.write(chunk);
});
process.stdin.on('end', () => child.stdin.end());
child.on('exit', (code) => process.exit(code ?? 1));
process.on('SIGTERM', () => child.kill('SIGTERM'));
