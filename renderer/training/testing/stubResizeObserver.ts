// jsdom has no ResizeObserver, which Radix's Slider measures its thumb with. An inert one will do:
// the tests check values and names, not sizes.
export function stubResizeObserver(): void {
  if (typeof globalThis.ResizeObserver !== 'undefined') return;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
