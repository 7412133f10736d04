/**
 * A log-linear latency histogram in the manner of HdrHistogram: values in microseconds, exact below 2048 µs, and
 * above that 1024 sub-buckets per power of two, so every recorded value is kept within 0.1% however many
 * millions are recorded. Min, max, count and mean are exact.
 */

/** Values below this are counted exactly (one bucket per microsecond). */
const EXACT_LIMIT = 2048;
const SUB_BUCKET_BITS = 10;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;

export interface LatencySummary {
  count: number;
  minMs: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export class LatencyHistogram {
  private counts: number[] = [];
  private total = 0;
  private sumUs = 0;
  private minUs = Infinity;
  private maxUs = 0;

  get count(): number {
    return this.total;
  }

  /** Records one latency in milliseconds (negative values count as 0). */
  record(ms: number): void {
    const us = Math.max(0, Math.round(ms * 1000));
    const index = bucketIndex(us);
    while (this.counts.length <= index) this.counts.push(0);
    this.counts[index]++;
    this.total++;
    this.sumUs += us;
    if (us < this.minUs) this.minUs = us;
    if (us > this.maxUs) this.maxUs = us;
  }

  /** Adds every value recorded in `other`. */
  merge(other: LatencyHistogram): void {
    while (this.counts.length < other.counts.length) this.counts.push(0);
    for (let i = 0; i < other.counts.length; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    this.sumUs += other.sumUs;
    this.minUs = Math.min(this.minUs, other.minUs);
    this.maxUs = Math.max(this.maxUs, other.maxUs);
  }

  /**
   * The value at percentile `p` (0-100): the smallest recorded value with at least p% of values at or below it,
   * as the upper edge of its bucket, never above the true maximum. 0 when empty.
   */
  percentileMs(p: number): number {
    if (this.total === 0) return 0;
    // The epsilon keeps floating point from pushing an exact rank up by one (99.9% of 1000 is 999.0000000000001).
    const rank = Math.max(1, Math.ceil((p / 100) * this.total - 1e-9));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(bucketUpperUs(i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  summary(): LatencySummary {
    const empty = this.total === 0;
    return {
      count: this.total,
      minMs: empty ? 0 : this.minUs / 1000,
      meanMs: empty ? 0 : this.sumUs / this.total / 1000,
      p50Ms: this.percentileMs(50),
      p90Ms: this.percentileMs(90),
      p99Ms: this.percentileMs(99),
      p999Ms: this.percentileMs(99.9),
      maxMs: this.maxUs / 1000,
    };
  }
}

function bucketIndex(us: number): number {
  if (us < EXACT_LIMIT) return us;
  // shift ≥ 1 chosen so (us >> shift) lies in [SUB_BUCKETS, 2·SUB_BUCKETS).
  const shift = Math.floor(Math.log2(us)) - SUB_BUCKET_BITS;
  const top = Math.floor(us / 2 ** shift);
  // Math.log2 can land one off at exact powers of two in floating point; correct it.
  if (top >= 2 * SUB_BUCKETS) return bucketIndexFor(shift + 1, Math.floor(us / 2 ** (shift + 1)));
  if (top < SUB_BUCKETS) return bucketIndexFor(shift - 1, Math.floor(us / 2 ** (shift - 1)));
  return bucketIndexFor(shift, top);
}

function bucketIndexFor(shift: number, top: number): number {
  return EXACT_LIMIT + (shift - 1) * SUB_BUCKETS + (top - SUB_BUCKETS);
}

/** The largest microsecond value that falls in bucket `index`. */
function bucketUpperUs(index: number): number {
  if (index < EXACT_LIMIT) return index;
  const rel = index - EXACT_LIMIT;
  const shift = Math.floor(rel / SUB_BUCKETS) + 1;
  const top = (rel % SUB_BUCKETS) + SUB_BUCKETS;
  return (top + 1) * 2 ** shift - 1;
}
