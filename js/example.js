// The example page: a news site embedding the annotator in its own article.
import { init, highlight, unhighlight } from './annotator.js';

const story = document.getElementById('story');
const button = document.getElementById('highlight');
const status = document.getElementById('status');

await init();
button.disabled = false;
button.addEventListener('click', () => {
  const on = button.getAttribute('aria-pressed') !== 'true';
  if (on) {
    const { annotations } = highlight(story);
    const count = (kind) => annotations.filter((a) => a.kind === kind).length;
    status.textContent = `${count('claim')} claims, ${count('quote')} quotes, ${count('boilerplate')} boilerplate blocks`;
  } else {
    unhighlight(story);
    status.textContent = 'Highlights removed';
  }
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? 'Remove highlights' : 'Highlight claims, quotes and boilerplate';
});
