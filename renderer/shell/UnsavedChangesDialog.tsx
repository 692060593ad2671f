import { AlertDialog } from 'radix-ui';
import { useSavePrompt } from './unsavedChanges';

/** The one "Save changes?" question: Save, Don't save, Cancel (Escape cancels too). */
export function UnsavedChangesDialog() {
  const asking = useSavePrompt((s) => s.asking);
  if (!asking) return null;
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && asking.answer('cancel')}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="nc-overlay" />
        <AlertDialog.Content className="nc-dialog nc-dialog-narrow">
          <AlertDialog.Title className="nc-dialog-title">
            Save changes to "{asking.name}"?
          </AlertDialog.Title>
          <AlertDialog.Description className="nc-dialog-text">
            Your changes will be lost if you don't save them.
          </AlertDialog.Description>
          <div className="nc-dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="nc-button">
                Cancel
              </button>
            </AlertDialog.Cancel>
            <button
              type="button"
              className="nc-button nc-button-danger"
              onClick={() => asking.answer('discard')}
            >
              Don't save
            </button>
            <button
              type="button"
              className="nc-button nc-button-primary"
              onClick={() => asking.answer('save')}
            >
              Save
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
