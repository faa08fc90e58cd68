// Cold start, run as a fresh process: `node cold.mjs <client|none> <ready|first> <baseURL>`.
// `ready` imports the client and constructs it; `first` also makes one prompt call. The runner times the process.
const [clientName, mode, baseURL] = process.argv.slice(2);
if (clientName !== 'none') {
  const client = await import(`./clients/${clientName}.mjs`);
  const context = await client.create(baseURL);
  if (mode === 'first') await client.prompt(context);
}
