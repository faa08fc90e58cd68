// ky alone: one prompt with `ky.post(url, { json }).json()` — the least any client built on ky ships.
import ky from 'ky';

document.querySelector('button').addEventListener('click', async () => {
  const body = await ky
    .post('https://proxy.example/v1/chat/completions', {
      headers: { authorization: 'Bearer sk-user-supplied' },
      json: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Explain quantum computing' }] },
    })
    .json();
  document.body.textContent = body.choices[0].message.content;
});
