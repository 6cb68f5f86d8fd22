/**
 * A sparse array of scores over a fixed range of positions, reused between queries. It records
 * which positions it touched, so reading them and clearing cost time in proportion to those alone.
 * Every position is zero until touched, and returns to zero only through `clear`.
 */
export class ScoreBuffer {
  private readonly values: Float64Array;
  private readonly positions: Int32Array;
  private count = 0;

  constructor(size: number) {
    this.values = new Float64Array(size);
    this.positions = new Int32Array(size);
  }

  get(position: number): number {
    return this.values[position]!;
  }

  /** Adds `amount` to a position; a non-positive amount is ignored. */
  add(position: number, amount: number): void {
    if (amount <= 0) return;
    if (this.values[position] === 0) this.positions[this.count++] = position;
    this.values[position]! += amount;
  }

  /** Raises a position to `value` (positive) if its score is lower. */
  raise(position: number, value: number): void {
    const current = this.values[position]!;
    if (value <= current) return;
    if (current === 0) this.positions[this.count++] = position;
    this.values[position] = value;
  }

  /** Returns the touched positions, in the order they were first touched. */
  touched(): Int32Array {
    return this.positions.subarray(0, this.count);
  }

  /** Resets every touched position to zero. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.values[this.positions[i]!] = 0;
    this.count = 0;
  }
}
