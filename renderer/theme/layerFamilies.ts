import {
  Activity,
  Combine,
  Droplets,
  Grid3x3,
  Layers,
  LogIn,
  Network,
  Shrink,
  SlidersHorizontal,
} from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { layerDef } from '../../shared/layers/catalogue';
import type { LayerFamily } from '../../shared/layers/defineLayer';
import './families.css';

/** How a layer family looks everywhere it appears: its icon, its name and its CSS colours. */
export interface FamilyLook {
  readonly icon: LucideIcon;
  /** The family's name as a learner reads it, beside its colour and icon. */
  readonly label: string;
  /** `var(--family-<family>)`: strokes, icons, glyphs. */
  readonly color: string;
  /** `var(--family-<family>-bg)`: the light tint behind a title. */
  readonly background: string;
}

const look = (family: LayerFamily, icon: LucideIcon, label: string): FamilyLook => ({
  icon,
  label,
  color: `var(--family-${family})`,
  background: `var(--family-${family}-bg)`,
});

/** Every family's icon, label and colours (colours in `renderer/theme/families.css`). */
export const FAMILY_LOOKS: Readonly<Record<LayerFamily, FamilyLook>> = {
  Input: look('Input', LogIn, 'Input'),
  Convolution: look('Convolution', Grid3x3, 'Convolution'),
  Pooling: look('Pooling', Shrink, 'Pooling'),
  Dense: look('Dense', Network, 'Dense'),
  Regularization: look('Regularization', Droplets, 'Regularization'),
  Normalization: look('Normalization', SlidersHorizontal, 'Normalization'),
  Activation: look('Activation', Activity, 'Activation'),
  Reshaping: look('Reshaping', Layers, 'Reshaping'),
  Merging: look('Merging', Combine, 'Merging'),
};

/** The family of a layer type; an unknown type (a file from a newer version) reads as Reshaping. */
export function familyOf(type: string): LayerFamily {
  return layerDef(type)?.family ?? 'Reshaping';
}

/** The look of a layer type's family. */
export function familyLook(type: string): FamilyLook {
  return FAMILY_LOOKS[familyOf(type)];
}
