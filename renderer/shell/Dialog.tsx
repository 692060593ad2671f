import { Dialog as RadixDialog } from 'radix-ui';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

/** A modal dialog (Radix: focus trapping, Escape, and the title as its accessible name). */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="nc-overlay" />
        <RadixDialog.Content
          className={wide ? 'nc-dialog nc-dialog-wide' : 'nc-dialog'}
          aria-describedby={undefined}
        >
          <header className="nc-dialog-head">
            <RadixDialog.Title className="nc-dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close asChild>
              <button type="button" className="nc-icon-button" aria-label="Close">
                <X aria-hidden size={18} />
              </button>
            </RadixDialog.Close>
          </header>
          <div className="nc-dialog-body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
