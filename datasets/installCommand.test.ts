import { describe, expect, it } from 'vitest';
import { installCommand, listDatasets } from './loadDataset';

describe('installCommand', () => {
  it('names the Debian package for Fashion-MNIST', () => {
    expect(installCommand({ kind: 'fashion-mnist' })).toBe(
      'sudo apt-get install dataset-fashion-mnist',
    );
  });

  it('unpacks CIFAR-10 where NetCanvas looks for it, quoting a path with spaces', () => {
    expect(
      installCommand({
        kind: 'cifar10',
        path: '/home/ann/NetCanvas/datasets/cifar-10-batches-bin',
      }),
    ).toBe(
      'mkdir -p /home/ann/NetCanvas/datasets && curl -L https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz | tar -xz -C /home/ann/NetCanvas/datasets',
    );
    expect(installCommand({ kind: 'cifar10', path: '/data/my sets' })).toContain(
      "tar -xz -C '/data/my sets'",
    );
  });

  it('comes with every data set the listing says is not installed', async () => {
    const { missing } = await listDatasets({
      fashionMnistPath: '/nonexistent/fashion',
      cifar10Path: '/nonexistent/cifar-10-batches-bin',
    });
    expect(missing.map((m) => [m.ref.kind, m.installCommand])).toEqual([
      ['fashion-mnist', 'sudo apt-get install dataset-fashion-mnist'],
      [
        'cifar10',
        'mkdir -p /nonexistent && curl -L https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz | tar -xz -C /nonexistent',
      ],
    ]);
  });
});
