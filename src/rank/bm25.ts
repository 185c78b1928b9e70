/** Okapi BM25 over documents given as term counts; pure arithmetic, no tokenising. */

/** Term-frequency saturation: the usual 1.2 (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009). */
export const BM25_K1 = 1.2;
/** Length normalisation: the usual 0.75 (same source). */
export const BM25_B = 0.75;

/** One document: how often each query term occurs, and its length in any unit used for all documents. */
export interface TermCounts {
  readonly counts: ReadonlyMap<string, number>;
  readonly length: number;
}

/**
 * BM25 score of every document against the query terms (each query term counted once). Documents that match no term
 * score 0. IDF uses the non-negative form log(1 + (N − df + 0.5) / (df + 0.5)).
 */
export function scoreBm25(documents: readonly TermCounts[], queryTerms: readonly string[]): number[] {
  const total = documents.length;
  if (total === 0) return [];
  const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / total || 1;
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const df = documents.reduce((count, document) => count + (document.counts.has(term) ? 1 : 0), 0);
    idf.set(term, Math.log(1 + (total - df + 0.5) / (df + 0.5)));
  }
  return documents.map((document) => {
    let score = 0;
    for (const [term, count] of document.counts) {
      const weight = idf.get(term);
      if (weight === undefined) continue;
      const norm = 1 - BM25_B + (BM25_B * document.length) / averageLength;
      score += (weight * count * (BM25_K1 + 1)) / (count + BM25_K1 * norm);
    }
    return score;
  });
}
