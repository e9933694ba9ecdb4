// Long invented articles for the performance test and benchmark: news-like
// paragraphs of claims with numbers, quotes with speakers and plain
// narration, with boilerplate lines (newsletter, share, donation, caption,
// copyright) between them. Deterministic (a seeded generator), so runs
// compare; every sentence is made up here, none taken from any source.

const NAMES = ['Mara Velden', 'Tomas Okafor', 'Ines Marchetti', 'Jun Castell', 'Priya Anand', 'Olek Brandt'];
const ROLES = ['the harbour commissioner', 'a council spokesperson', 'the transport minister', 'a local teacher', 'the union leader'];
const THINGS = ['the tram extension', 'flood barriers', 'school meals', 'the new bridge', 'rural clinics', 'street lighting'];
const PLACES = ['Eastwick', 'the old quay', 'Marlow Street', 'the river market', 'North Vale'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const BOILERPLATE = [
  'Sign up for our morning newsletter to get the day\'s top stories.',
  'Share this article on social media',
  'Support independent local reporting: donate today.',
  'Photo: {name} / Harbour Press Agency',
  '© 2026 The Example Gazette. All rights reserved.',
  'Read more: {thing} explained in five charts',
];

/** A small seeded generator (mulberry32), so every run gets the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentenceMaker(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const number = (max) => 1 + Math.floor(next() * max);
  const fill = (template) => template
    .replaceAll('{name}', pick(NAMES))
    .replaceAll('{thing}', pick(THINGS));
  const kinds = [
    () => `The city spent ${number(90)} million euros on ${pick(THINGS)} in ${2000 + number(25)}, up ${number(40)} percent from the year before.`,
    () => `Unemployment in ${pick(PLACES)} fell to ${number(12)}.${number(9)} percent last quarter, according to the statistics office.`,
    () => `“We will finish ${pick(THINGS)} before the winter,” said ${pick(NAMES)}, ${pick(ROLES)}.`,
    () => `${pick(NAMES)} said the plan was “${['too slow', 'long overdue', 'a good start', 'badly costed'][number(4) - 1]}” and called for a public vote.`,
    () => `Residents gathered at ${pick(PLACES)} on ${pick(DAYS)} evening to hear the proposals.`,
    () => `Some ${number(900)} households have signed the petition since it opened in ${['March', 'April', 'June', 'October'][number(4) - 1]}.`,
    () => `The report, published on ${pick(DAYS)}, found that ${number(60)} of the ${number(40) + 60} sites inspected had no working alarm.`,
    () => `It was not clear when the work would begin.`,
  ];
  return { sentence: () => pick(kinds)(), boilerplate: () => fill(pick(BOILERPLATE)) };
}

/**
 * An article of paragraphs until `done(text)` is true; `seed` varies it.
 * Paragraphs are joined by blank lines; about one line in twelve is boilerplate.
 */
export function generateArticle(done, seed = 8) {
  const next = random(seed);
  const make = sentenceMaker(next);
  const parts = ['Harbour town weighs the cost of its new plans'];
  let text = parts[0];
  while (!done(text)) {
    const paragraph = next() < 0.08
      ? make.boilerplate()
      : Array.from({ length: 2 + Math.floor(next() * 4) }, make.sentence).join(' ');
    parts.push(paragraph);
    text += `\n\n${paragraph}`;
  }
  return parts.join('\n\n');
}

/** About `words` words. */
export function articleOfWords(words, seed) {
  let count = 0;
  let seen = 0;
  return generateArticle((text) => {
    // Count only what was added since the last call: no quadratic rescans.
    count += text.slice(seen).split(/\s+/).filter(Boolean).length;
    seen = text.length;
    return count >= words;
  }, seed);
}

/** At least `bytes` bytes of UTF-8. */
export function articleOfBytes(bytes, seed) {
  let size = 0;
  let seen = 0;
  return generateArticle((text) => {
    size += Buffer.byteLength(text.slice(seen));
    seen = text.length;
    return size >= bytes;
  }, seed);
}
