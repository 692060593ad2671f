import { COMMANDS, keyLabel } from '../../shared/commands/commands';
import type { CommandSpec } from '../../shared/commands/commands';
import { Dialog } from './Dialog';

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The help sheet: every command that has keys, read from the command table. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const withKeys = COMMANDS.filter((c: CommandSpec) => c.keys.length > 0);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="nc-shortcuts">
        <tbody>
          {withKeys.map((c: CommandSpec) => (
            <tr key={c.id}>
              <th scope="row">
                {c.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{keyLabel(k, isMac)}</kbd>
                  </span>
                ))}
              </th>
              <td>{c.help}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
