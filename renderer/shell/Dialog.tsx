import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** A modal dialog (native <dialog>: focus trapping and Escape come with it). */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="nc-dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      {children}
      <button type="button" className="nc-dialog-close" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
