// Seeded pseudo-random source for the demo shop. Deterministic for a given
// seed; never touches Math.random. The core step is a 32-bit
// "add a Weyl constant, then avalanche-mix" generator: cheap, well spread and
// good enough for shaping demo data (not for anything security related).

const WEYL_STEP = 0x9e3779b9;

export type Weighted<T> = readonly (readonly [T, number])[];

export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    // Fold the seed (any finite number) into 32 bits, then warm up a little so
    // that neighbouring seeds diverge immediately.
    this.state = (Math.trunc(seed) ^ 0x5bd1e995) >>> 0;
    for (let i = 0; i < 4; i += 1) this.nextUint32();
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + WEYL_STEP) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick() from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(options: Weighted<T>): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error("weighted() from an empty list");
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  }

  /** String of `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string {
    let out = "";
    for (let i = 0; i < length; i += 1) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }

  digits(length: number): string {
    return this.chars(length, "0123456789");
  }

  /** A child generator whose sequence does not depend on later draws here. */
  fork(label: string): DemoRandom {
    let hash = this.nextUint32();
    for (let i = 0; i < label.length; i += 1) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new DemoRandom(hash);
  }
}
