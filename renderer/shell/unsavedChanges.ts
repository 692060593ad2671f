// "Save changes to NAME?" before anything replaces or closes unsaved work: one question, asked
// by the one dialog (UnsavedChangesDialog), awaited by whatever command wanted to go on.
import { create } from 'zustand';

/** The learner's answer: save first, throw the changes away, or stay. */
export type SaveAnswer = 'save' | 'discard' | 'cancel';

interface PromptState {
  /** The question on screen, if any. */
  readonly asking: { readonly name: string; readonly answer: (a: SaveAnswer) => void } | null;
}

export const useSavePrompt = create<PromptState>(() => ({ asking: null }));

/** Shows the question for project `name` and resolves with the answer. A second question cancels the first. */
export function askToSave(name: string): Promise<SaveAnswer> {
  useSavePrompt.getState().asking?.answer('cancel');
  return new Promise((resolve) => {
    const asked: NonNullable<PromptState['asking']> = {
      name,
      answer: (a) => {
        if (useSavePrompt.getState().asking === asked) useSavePrompt.setState({ asking: null });
        resolve(a);
      },
    };
    useSavePrompt.setState({ asking: asked });
  });
}
