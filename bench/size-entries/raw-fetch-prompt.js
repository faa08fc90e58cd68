// The floor: one prompt with raw fetch.
document.querySelector('button').addEventListener('click', async () => {
  const response = await fetch('https://proxy.example/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-user-supplied' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Explain quantum computing' }] }),
  });
  document.body.textContent = (await response.json()).choices[0].message.content;
});
