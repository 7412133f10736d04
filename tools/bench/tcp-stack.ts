/**
 * bench:tcp-stack: CPU cost per segment and goodput between two in-process guest-tcp stacks (one core, one
 * thread), for MSS 1460 and 8960. The stacks run over the seeded simulator with a 0.1 ms one-way delay and no
 * bandwidth limit, so the only limit is this machine's CPU. Writes bench/results/tcp-stack.json.
 *
 * Target (issue): >= 1 Gbit/s goodput at MSS 1460.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimNetwork, type TcpStack } from '@vmha/guest-tcp';
import { repeatingSource } from '@vmha/guest-tcp/testing';

interface Row {
  mss: number;
  goodputMbps: number;
  goodputMBps: number;
  nsPerSegment: number;
  cpuNsPerSegment: number;
  segments: number;
  bytes: number;
  wallMs: number;
  retransmittedSegments: number;
}

function transfer(mss: number, totalBytes: number): Row {
  const net = new SimNetwork({ seed: 1, link: { delayMs: 0.1 } });
  const config = { mss, mslMs: 10, sendBufferBytes: 8 << 20, receiveBufferBytes: 8 << 20 };
  const sender: TcpStack = net.addStack({ address: '10.0.0.1', seed: 1, ...config });
  const receiver: TcpStack = net.addStack({ address: '10.0.0.2', seed: 2, ...config });
  const src = repeatingSource(3);
  let received = 0;
  let written = 0;
  let done = false;
  const listener = receiver.listen(5001);
  listener.on('connection', () => {
    const s = listener.accept();
    s?.on('readable', () => {
      let d: Uint8Array | null;
      while ((d = s.read()) !== null) received += d.length;
      if (received === totalBytes) done = true;
    });
  });
  const client = sender.connect('10.0.0.2', 5001);
  const pump = (): void => {
    while (written < totalBytes) {
      const n = client.write(src.at(written, Math.min(client.writableLength, totalBytes - written)));
      written += n;
      if (n === 0) return;
    }
  };
  client.on('connect', pump).on('writable', pump);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  net.runUntil(() => done);
  const wallNs = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(cpu0);
  const segments = sender.stats.dataSegmentsOut + sender.stats.retransmittedSegments;
  return {
    mss,
    goodputMbps: round((received * 8) / (wallNs / 1e9) / 1e6),
    goodputMBps: round(received / (wallNs / 1e9) / 1e6),
    nsPerSegment: round(wallNs / segments),
    cpuNsPerSegment: round(((cpu.user + cpu.system) * 1000) / segments),
    segments,
    bytes: received,
    wallMs: round(wallNs / 1e6),
    retransmittedSegments: sender.stats.retransmittedSegments,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const sizes: Record<number, number> = { 1460: 512 << 20, 8960: 1024 << 20 };
transfer(1460, 32 << 20); // warm-up: let the JIT settle before measuring
const rows = [1460, 8960].map((mss) => transfer(mss, sizes[mss]));

console.log('\nguest-tcp in-process throughput (one core, two stacks, simulated 0.2 ms RTT, no loss)\n');
console.log('| MSS  | goodput Mbit/s | goodput MB/s | ns/segment (wall) | ns/segment (CPU) | segments |');
console.log('|------|----------------|--------------|-------------------|------------------|----------|');
for (const r of rows) {
  console.log(
    `| ${String(r.mss).padEnd(4)} | ${String(r.goodputMbps).padStart(14)} | ${String(r.goodputMBps).padStart(12)} | ${String(r.nsPerSegment).padStart(17)} | ${String(r.cpuNsPerSegment).padStart(16)} | ${String(r.segments).padStart(8)} |`,
  );
}
const target = rows.find((r) => r.mss === 1460);
console.log(
  `\ntarget >= 1000 Mbit/s at MSS 1460: ${target && target.goodputMbps >= 1000 ? 'met' : 'NOT met'} (${target?.goodputMbps} Mbit/s)`,
);

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'bench', 'results', 'tcp-stack.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      benchmark: 'tcp-stack',
      command: 'npm run bench:tcp-stack',
      date: new Date().toISOString(),
      node: process.version,
      targetMbpsAtMss1460: 1000,
      rows,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${out}`);
