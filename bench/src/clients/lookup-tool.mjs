// The one tool every client offers in the tool-call scenario (the server streams a call of it), in rig-ts's shape:
// `{ name, description, parameters }`. Each client wraps it the way its library takes a tool.

/** The `lookup` tool: a query and the items to look it up in. */
export const lookupTool = {
  name: 'lookup',
  description: 'Look items up',
  parameters: {
    type: 'object',
    properties: { query: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } },
    required: ['query', 'items'],
  },
};
