/** A binary min-heap of timed events; ties break by insertion order so runs are deterministic. */
export class EventQueue<T> {
  private times: number[] = [];
  private orders: number[] = [];
  private items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  peekTime(): number | undefined {
    return this.items.length ? this.times[0] : undefined;
  }

  push(time: number, item: T): void {
    let i = this.items.length;
    this.times.push(time);
    this.orders.push(this.counter++);
    this.items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { time: number; item: T } | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = { time: this.times[0], item: this.items[0] };
    this.swap(0, n - 1);
    this.times.pop();
    this.orders.pop();
    this.items.pop();
    let i = 0;
    const size = n - 1;
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && this.less(l, m)) m = l;
      if (r < size && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return (
      this.times[a] < this.times[b] || (this.times[a] === this.times[b] && this.orders[a] < this.orders[b])
    );
  }

  private swap(a: number, b: number): void {
    const t = this.times[a];
    this.times[a] = this.times[b];
    this.times[b] = t;
    const o = this.orders[a];
    this.orders[a] = this.orders[b];
    this.orders[b] = o;
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
  }
}
