import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChallengeFile } from '../../shared/challenges/parseChallenge';

describe('docs/challenges.md', () => {
  it('holds a complete example that NetCanvas reads as it is', () => {
    const doc = readFileSync(new URL('../../docs/challenges.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const challenge = parseChallengeFile(example ?? '');
    expect(challenge.goal).toMatchObject({
      dataset: 'mnist',
      minTestAccuracy: 0.97,
      maxLayers: { Dense: 1 },
    });
    expect(challenge.lockedBlocks).toEqual(['input_layer', 'dense']);
  });
});
