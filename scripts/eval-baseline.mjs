/**
 * The baseline of `npm run eval`: rank every file by BM25 of the task text over its whole text (plain lower-cased
 * alphanumeric words, no stemming, no path or role knowledge), then take files in full in that order, skipping any
 * that no longer fit, until the budget is spent. Returns the set of paths it included.
 */
const K1 = 1.2;
const B = 0.75;
/** Tokens per file for its wrapper (path line, fences) in a bundle; the baseline pays it too. */
const SECTION_OVERHEAD_TOKENS = 12;

const words = (text) => text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];

export function baselineIncluded(files, message, budget, tokenizer) {
  const query = [...new Set(words(message).filter((word) => word.length >= 3))];
  const querySet = new Set(query);
  const documents = files.map((file) => {
    const all = words(file.text);
    const counts = new Map();
    for (const word of all) if (querySet.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return { path: file.path, text: file.text, counts, length: all.length };
  });
  const average = documents.reduce((sum, document) => sum + document.length, 0) / Math.max(1, documents.length) || 1;
  const idf = new Map(query.map((term) => {
    const df = documents.filter((document) => document.counts.has(term)).length;
    return [term, Math.log(1 + (documents.length - df + 0.5) / (df + 0.5))];
  }));
  const scored = documents.map((document) => {
    let score = 0;
    for (const [term, count] of document.counts) {
      score += (idf.get(term) * count * (K1 + 1)) / (count + K1 * (1 - B + (B * document.length) / average));
    }
    return { document, score };
  });
  scored.sort((a, b) => b.score - a.score || (a.document.path < b.document.path ? -1 : 1));
  const included = new Set();
  let remaining = budget;
  for (const { document, score } of scored) {
    if (score <= 0 || remaining <= SECTION_OVERHEAD_TOKENS) break;
    const cost = tokenizer.count(document.text) + SECTION_OVERHEAD_TOKENS;
    if (cost <= remaining) {
      included.add(document.path);
      remaining -= cost;
    }
  }
  return included;
}
