/** A set of document slots, one bit each. */
export type Bits = Uint32Array;

/** Prefix sets cached per term: a short prefix ("k") unions thousands of postings, and people type one letter at a time. */
const PREFIX_CACHE_LIMIT = 2000;

/**
 * Words → the slots of the documents holding them, with the words kept sorted so that a prefix
 * is a range found by binary search (search-memory.ts: why not a search library). The answer
 * for a prefix is a bit set over the slots, cached until a document changes.
 */
export class PrefixIndex {
  /** Word → slots of the documents with it (kept even once unused). */
  private readonly postings = new Map<string, Set<number>>();
  private sortedWords: string[] = [];
  private unsortedWords: string[] = [];
  private readonly cache = new Map<string, Bits>();

  add(slot: number, words: readonly string[]): void {
    for (const word of words) {
      let set = this.postings.get(word);
      if (!set) {
        set = new Set();
        this.postings.set(word, set);
        this.unsortedWords.push(word);
      }
      set.add(slot);
    }
    this.cache.clear();
  }

  remove(slot: number, words: readonly string[]): void {
    for (const word of words) this.postings.get(word)?.delete(slot);
    this.cache.clear();
  }

  clear(): void {
    this.postings.clear();
    this.sortedWords = [];
    this.unsortedWords = [];
    this.cache.clear();
  }

  /** The slots (below `slots`) of documents with a word starting with `term`. */
  withPrefix(term: string, slots: number): Bits {
    const cached = this.cache.get(term);
    if (cached && cached.length === (slots >>> 5) + 1) return cached;
    if (this.unsortedWords.length > 0) {
      this.sortedWords = [...this.sortedWords, ...this.unsortedWords].sort();
      this.unsortedWords = [];
    }
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    const bits: Bits = new Uint32Array((slots >>> 5) + 1);
    for (let i = lo; i < words.length && (words[i] as string).startsWith(term); i++) {
      for (const slot of this.postings.get(words[i] as string) ?? []) bits[slot >>> 5] = (bits[slot >>> 5] as number) | (1 << (slot & 31));
    }
    if (this.cache.size >= PREFIX_CACHE_LIMIT) this.cache.clear();
    this.cache.set(term, bits);
    return bits;
  }
}

/** Whether `slot` is in `bits`. */
export const hasSlot = (bits: Bits, slot: number): boolean => ((bits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
