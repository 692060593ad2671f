/** Sites whose documentation the app links to; any other link is not opened. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'keras.io',
  'www.tensorflow.org',
  'js.tensorflow.org',
  'github.com',
];

/**
 * True when `url` may open in the user's browser: https, no user name or password, a host on the
 * allow-list. `shell.openExternal` hands a URL to the operating system, which would also run
 * `file:`, custom-scheme and other handlers a page could abuse.
 */
export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    u.port === '' &&
    hosts.includes(u.hostname)
  );
}
