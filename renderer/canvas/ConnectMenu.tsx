import { Cable } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { connect, wireTargets } from '../../shared/graph/edits';
import type { LayerNode } from '../../shared/graph/types';
import { useProjectStore } from '../state/projectStore';
import { familyLook } from '../theme/layerFamilies';

/**
 * "Connect to…": wires the selected block from the keyboard (or by click) to any layer it can
 * feed, listed when the menu opens. Sits beside the block so opening it moves nothing.
 */
export function ConnectMenu({ sourceId, sourceName }: { sourceId: string; sourceName: string }) {
  const [targets, setTargets] = useState<readonly LayerNode[]>([]);
  return (
    <DropdownMenu.Root
      onOpenChange={(open) => {
        const graph = useProjectStore.getState().project?.graph;
        if (open && graph) setTargets(wireTargets(graph, sourceId));
      }}
    >
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="nc-connect-trigger nodrag nopan"
          aria-label={`Connect ${sourceName} to…`}
        >
          <Cable size={14} aria-hidden="true" /> Connect to…
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="nc-menu" side="right" align="start" sideOffset={6}>
          <DropdownMenu.Label className="nc-menu-label">
            Send {sourceName}’s output to
          </DropdownMenu.Label>
          {targets.length === 0 && (
            <DropdownMenu.Item className="nc-menu-item" disabled>
              No layer can take another input
            </DropdownMenu.Item>
          )}
          {targets.map((t) => {
            const look = familyLook(t.type);
            const Icon = look.icon;
            return (
              <DropdownMenu.Item
                key={t.id}
                className="nc-menu-item"
                onSelect={() =>
                  useProjectStore
                    .getState()
                    .editGraph((g) => connect(g, sourceId, t.id)?.graph ?? g)
                }
              >
                <Icon size={14} color={look.color} aria-hidden="true" />
                {t.name} <span className="nc-menu-hint">{t.type}</span>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
