// The rate-limit buckets the gateway's worker threads share (limits/shared-rate-limit.ts): limiters on one
// memory keep one bucket per subject; real worker threads taking tokens at the same time never hand out
// more than the bucket holds (the lock); a bucket survives many other subjects passing through the table.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { SharedTokenBucketLimiter } from '../src/limits';

describe('shared rate-limit buckets', () => {
  it('keeps one bucket per subject across limiters on the same memory, and separate buckets per subject', () => {
    const memory = SharedTokenBucketLimiter.memory();
    const clock = () => 1_000_000;
    const [a, b] = [new SharedTokenBucketLimiter({ requestsPerMinute: 60, burst: 5 }, memory, clock), new SharedTokenBucketLimiter({ requestsPerMinute: 60, burst: 5 }, memory, clock)];
    const taken = [a, b, a, b, a, b].map((limiter) => limiter.take('alice').allowed);
    expect(taken).toEqual([true, true, true, true, true, false]);
    expect(b.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(b.take('bob').allowed).toBe(true);
  });

  it('refills at the configured rate', () => {
    const memory = SharedTokenBucketLimiter.memory();
    let now = 0;
    const limiter = new SharedTokenBucketLimiter({ requestsPerMinute: 6, burst: 1 }, memory, () => now);
    expect(limiter.take('carol').allowed).toBe(true);
    expect(limiter.take('carol')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 9_000;
    expect(limiter.take('carol')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(limiter.take('carol').allowed).toBe(true);
  });

  it('keeps a busy subject\'s bucket while 200,000 other subjects pass through the table (65,536 slots)', () => {
    const memory = SharedTokenBucketLimiter.memory();
    let now = 0;
    const limiter = new SharedTokenBucketLimiter({ requestsPerMinute: 60, burst: 2 }, memory, () => now);
    expect([limiter.take('dave').allowed, limiter.take('dave').allowed]).toEqual([true, true]);
    let daveAllowed = 0;
    for (let i = 0; i < 200_000; i++) {
      now += 0.001; // 200 ms in all: dave's empty bucket refills 0.2 of a token meanwhile
      limiter.take(`subject-${i}`);
      if (i % 1_000 === 0 && limiter.take('dave').allowed) daveAllowed++;
    }
    expect(daveAllowed).toBe(0);
  });

  it('hands out exactly the burst to worker threads taking tokens at the same time', async () => {
    const memory = SharedTokenBucketLimiter.memory();
    const module = path.resolve(__dirname, '../src/limits/shared-rate-limit.ts');
    // four threads, 20,000 takes each, one subject, no refill worth a token meanwhile: 50,000 pass, 30,000 do not
    const code = `
      require('@swc-node/register');
      const { parentPort, workerData } = require('node:worker_threads');
      const { SharedTokenBucketLimiter } = require(workerData.module);
      const limiter = new SharedTokenBucketLimiter({ requestsPerMinute: 1e-6, burst: 50000 }, workerData.memory);
      let allowed = 0;
      for (let i = 0; i < 20000; i++) if (limiter.take('eve').allowed) allowed++;
      parentPort.postMessage(allowed);`;
    const counts = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(code, { eval: true, workerData: { memory, module } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(50_000);
  }, 60_000);
});
