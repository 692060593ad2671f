import { describe, expect, it } from 'vitest';
import { plainSkipReason } from './backendWords';

describe('plainSkipReason', () => {
  it.each([
    [
      'no WebGPU adapter found (no GPU driver Dawn can use)',
      'no graphics card it can use was found on this computer.',
    ],
    ['libtensorflow sees no CUDA GPU', 'no graphics card it can use was found on this computer.'],
    ['not installed (@tensorflow/tfjs-node)', 'its software is not installed on this computer.'],
    [
      'the only WebGPU adapter is a software one (SwiftShader), slower than the CPU backends',
      'only a software imitation of a graphics card was found, which would be slower than the CPU.',
    ],
    [
      '@tensorflow/tfjs-node failed to load: libtensorflow.so.2: cannot open shared object file',
      'it is installed but did not start here.',
    ],
    ['something new', 'it could not be used on this computer.'],
  ])('%s', (reason, plain) => {
    const said = plainSkipReason(reason);
    expect(said).toBe(plain);
    expect(said).not.toMatch(/Dawn|libtensorflow|adapter|tfjs/);
  });
});
