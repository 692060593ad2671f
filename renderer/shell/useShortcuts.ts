import { useEffect, useRef } from 'react';
import { COMMANDS, matchesKey } from '../../shared/commands/commands';
import type { CommandBindings } from './useAppCommands';

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The keyboard shortcuts: every key of the command table (shared/commands/commands.ts) runs its
 * command when it is enabled. Text fields keep their own keys; keys the canvas handles itself
 * (Delete) are left to it; an open dialog keeps the keyboard.
 */
export function useShortcuts(bindings: CommandBindings): void {
  const current = useRef(bindings);
  useEffect(() => {
    current.current = bindings;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.defaultPrevented ||
        typing(e.target) ||
        document.querySelector('[role="dialog"], [role="alertdialog"]')
      )
        return;
      for (const c of COMMANDS) {
        if (
          (c as { keysOnCanvas?: boolean }).keysOnCanvas ||
          !c.keys.some((k: string) => matchesKey(k, e))
        )
          continue;
        const binding = current.current[c.id];
        // File keys are the app's even when they cannot run now (no browser "save page" dialog);
        // others (Ctrl+C with no layer selected) keep their usual meaning.
        if (binding.enabled || c.menu === 'File') e.preventDefault();
        if (binding.enabled) binding.run();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
