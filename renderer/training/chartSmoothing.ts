// The smoothing of every per-batch curve (dashboard and comparison alike): one setting, as in
// TensorBoard, kept for the session.
import { create } from 'zustand';
import { DEFAULT_SMOOTHING } from './smoothing';

interface SmoothingState {
  /** 0 (raw) … 0.99. */
  readonly weight: number;
  readonly setWeight: (weight: number) => void;
}

export const useChartSmoothing = create<SmoothingState>()((set) => ({
  weight: DEFAULT_SMOOTHING,
  setWeight: (weight) => set({ weight: Math.min(Math.max(weight, 0), 0.99) }),
}));
