import { create } from 'zustand';
import type { Ink } from './inkGrid';
import type { PickedImage } from './TestImagePicker';

/**
 * The Insight view's last input per session, so leaving the tab (to select a block on the canvas,
 * say) and coming back shows the same drawing or test image and its answer again.
 */
interface InsightInputState {
  readonly runId: string | null;
  readonly input: PickedImage | null;
  /** The drawing on the pad, when the input was drawn. */
  readonly ink: Ink | null;
  readonly remember: (runId: string, input: PickedImage, ink: Ink | null) => void;
}

export const useInsightInput = create<InsightInputState>()((set) => ({
  runId: null,
  input: null,
  ink: null,
  remember: (runId, input, ink) => set({ runId, input, ink }),
}));
