/**
 * The `capacity` best (score, slot) pairs offered, as a min-heap on score
 * whose root is the one to beat. Among equal scores the earlier slot wins,
 * so results do not depend on the heap's order.
 */
export class TopScores {
  readonly #capacity: number;
  readonly #scores: Float64Array;
  readonly #slots: Int32Array;
  #length = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#scores = new Float64Array(capacity);
    this.#slots = new Int32Array(capacity);
  }

  offer(score: number, slot: number): void {
    if (this.#length < this.#capacity) {
      this.#siftUp(this.#length, score, slot);
      this.#length += 1;
      return;
    }
    // Slots arrive in increasing order, so a later slot never beats an equal score.
    if (score <= (this.#scores[0] as number)) return;
    this.#siftDown(score, slot);
  }

  /** The score an offer must beat to enter: -Infinity until `capacity` are in. */
  get floor(): number {
    return this.#length < this.#capacity ? Number.NEGATIVE_INFINITY : (this.#scores[0] as number);
  }

  /** Best first. */
  sorted(): { score: number; slot: number }[] {
    const entries = Array.from({ length: this.#length }, (_, i) => ({
      score: this.#scores[i] as number,
      slot: this.#slots[i] as number,
    }));
    return entries.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  /** True when (score a, slot a) should sit nearer the root than b: it is the weaker. */
  #weaker(scoreA: number, slotA: number, scoreB: number, slotB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && slotA > slotB);
  }

  #siftUp(index: number, score: number, slot: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#weaker(score, slot, this.#scores[parent] as number, this.#slots[parent] as number)) break;
      this.#scores[i] = this.#scores[parent] as number;
      this.#slots[i] = this.#slots[parent] as number;
      i = parent;
    }
    this.#scores[i] = score;
    this.#slots[i] = slot;
  }

  #siftDown(score: number, slot: number): void {
    let i = 0;
    const length = this.#length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (
        right < length &&
        this.#weaker(this.#scores[right] as number, this.#slots[right] as number, this.#scores[left] as number, this.#slots[left] as number)
      ) child = right;
      if (!this.#weaker(this.#scores[child] as number, this.#slots[child] as number, score, slot)) break;
      this.#scores[i] = this.#scores[child] as number;
      this.#slots[i] = this.#slots[child] as number;
      i = child;
    }
    this.#scores[i] = score;
    this.#slots[i] = slot;
  }
}
