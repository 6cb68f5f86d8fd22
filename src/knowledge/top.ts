/**
 * The best `limit` items seen so far under a comparator (negative when the first item is better),
 * kept sorted. Adding costs a comparison for most items once the list is full, so picking the top
 * ten of ten thousand scores avoids sorting them all.
 */
export class TopList<T> {
  private readonly list: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    if (this.limit <= 0) return;
    if (this.list.length >= this.limit && this.compare(item, this.list[this.list.length - 1]!) >= 0) return;

    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(item, this.list[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    this.list.splice(low, 0, item);
    if (this.list.length > this.limit) this.list.pop();
  }

  /** Returns the kept items, best first. */
  items(): T[] {
    return [...this.list];
  }
}
