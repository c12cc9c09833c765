/**
 * A small seeded pseudo-random generator and the helpers the demo and benchmark generators share.
 *
 * Written by hand rather than taken from faker: the benchmark profile draws tens of millions of numbers and
 * faker's Mersenne Twister wrapper (with its option objects and range checks) costs several times more per
 * draw than this. The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator from
 * PractRand, 128-bit state, period ≥ 2^32, passes BigCrush), seeded through splitmix32 so that nearby seeds
 * give unrelated streams. Everything here is deterministic for a given seed: no Math.random, no Date.now.
 */

/** splitmix32 step: a good 32-bit mixer, used to expand a seed into sfc32's state. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = Math.trunc(seed) | 0;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, value] = splitmix32(s);
      s = next;
      out.push(value);
    }
    this.a = out[0]! | 0;
    this.b = out[1]! | 0;
    this.c = out[2]! | 0;
    this.d = out[3]! | 0;
    // Discard the first outputs, as sfc32's reference seeding does.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both inclusive). */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(48 + this.int(10));
    return s;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }

  /** An independent generator derived from this one (for a phase that should not shift other phases). */
  fork(): Rng {
    return new Rng(this.uint32() ^ 0x5bd1e995);
  }
}

/**
 * Weighted choice in O(log n) per draw: cumulative weights precomputed once.
 * `pick(rng)` returns an item; `index(rng)` its position.
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error('WeightedPicker: items and weights must be non-empty and of equal length');
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new Error(`WeightedPicker: weight ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('WeightedPicker: weights sum to zero');
    this.total = sum;
  }

  index(rng: Rng): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng): T {
    return this.items[this.index(rng)]!;
  }
}

export const DAY_MS = 86_400_000;

/** ISO-8601 UTC timestamp with milliseconds, e.g. 2025-03-01T09:30:00.000Z. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO-8601 calendar date (UTC), e.g. 2025-03-01. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Default seed when the caller gives none: fixed, so "load demo data" always gives the same workspace. */
export const DEFAULT_SEED = 20240601;
