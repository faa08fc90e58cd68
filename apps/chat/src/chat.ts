#!/usr/bin/env node
// The chat app's entry point: `pnpm start` (interactive) or `pnpm start -- "question"` (one answer).
import { runChat } from './run-chat.js';

process.exitCode = await runChat(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  input: process.stdin,
  output: process.stdout,
  process,
  environment: process.env,
});
