// `--shard i/n`: machine i of n (0-based, as Kubernetes' JOB_COMPLETION_INDEX) takes every n-th data line of the
// list. Every machine parses the whole list the same way, so the shards are disjoint and together cover it.

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | { error: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return { error: `--shard takes i/n (e.g. 0/4), not ${text}` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return { error: '--shard i/n needs n ≥ 1' };
  if (index >= count)
    return {
      error: `--shard ${index}/${count}: i counts from 0 and must be below n`,
    };
  return { index, count };
}

export function inShard(ordinal: number, shard: Shard | undefined): boolean {
  return shard === undefined || ordinal % shard.count === shard.index;
}

export function formatShard(shard: Shard | undefined): string {
  return shard === undefined ? '0/1' : `${shard.index}/${shard.count}`;
}
