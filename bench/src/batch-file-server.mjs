// A local file server for the batch benchmark, run in its own process: `node batch-file-server.mjs <jsonl> <count>`
// prints its URL, then answers OpenAI's batch endpoints for one completed batch (`GET /v1/batches/batch_bench`) whose
// output file (`GET /v1/files/file-bench-output/content`) is the JSONL file on disk, streamed from it.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, count] = [process.argv[2], Number(process.argv[3])];
const batch = {
  id: 'batch_bench',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  errors: null,
  input_file_id: 'file-bench-input',
  completion_window: '24h',
  status: 'completed',
  output_file_id: 'file-bench-output',
  error_file_id: null,
  created_at: 1711471533,
  completed_at: 1711493163,
  request_counts: { total: count, completed: count, failed: 0 },
  metadata: null,
};
const server = createServer((request, response) => {
  request.resume();
  if (request.url === '/v1/batches/batch_bench') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(batch));
  } else if (request.url === '/v1/files/file-bench-output/content') {
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(statSync(file).size),
    });
    createReadStream(file).pipe(response);
  } else {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":{"message":"not found"}}');
  }
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
