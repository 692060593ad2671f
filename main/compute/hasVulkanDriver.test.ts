// The quiet WebGPU probe: Dawn is only asked for an adapter where the Vulkan loader has a driver.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasVulkanDriver } from './webgpuBackend';

function emptyRoots(): NodeJS.ProcessEnv {
  const root = mkdtempSync(join(tmpdir(), 'nc-vk-'));
  return {
    HOME: root,
    XDG_CONFIG_DIRS: join(root, 'etc'),
    XDG_DATA_DIRS: join(root, 'share'),
    XDG_DATA_HOME: join(root, 'local'),
  };
}

describe('hasVulkanDriver', () => {
  it('is false on Linux when no icd.d folder holds a driver manifest', () => {
    // /etc/vulkan/icd.d is always searched; this machine has none with a manifest in it.
    const env = emptyRoots();
    mkdirSync(join(env['XDG_DATA_DIRS'] ?? '', 'vulkan/icd.d'), { recursive: true });
    writeFileSync(join(env['XDG_DATA_DIRS'] ?? '', 'vulkan/icd.d/README'), 'not a manifest');
    expect(hasVulkanDriver(env, 'linux')).toBe(false);
  });

  it('finds a manifest in a data folder, and trusts the driver variables', () => {
    const env = emptyRoots();
    const dir = join(env['XDG_DATA_DIRS'] ?? '', 'vulkan/icd.d');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nvidia_icd.json'), '{}');
    expect(hasVulkanDriver(env, 'linux')).toBe(true);
    expect(
      hasVulkanDriver(
        { ...emptyRoots(), VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
        'linux',
      ),
    ).toBe(true);
  });

  it('leaves other systems to Dawn (Metal, Direct3D)', () => {
    expect(hasVulkanDriver(emptyRoots(), 'darwin')).toBe(true);
  });
});
