import { Tooltip } from 'radix-ui';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/** A button whose name shows in a tooltip (with its keys): for buttons that show an icon only, or a truncated name. */
export function WithTooltip({
  tip,
  children,
  side = 'bottom',
}: {
  tip: ReactNode;
  children: ReactNode;
  side?: 'top' | 'bottom' | 'left' | 'right';
}) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="nc-tooltip" side={side} sideOffset={6}>
          {tip}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** An icon-only button: its label is its accessible name and its tooltip. */
export function IconButton({
  label,
  keys,
  children,
  className,
  ...rest
}: { label: string; keys?: string; children: ReactNode } & ComponentPropsWithoutRef<'button'>) {
  return (
    <WithTooltip
      tip={
        <>
          {label}
          {keys && <kbd>{keys}</kbd>}
        </>
      }
    >
      <button
        type="button"
        aria-label={label}
        className={className ? `nc-icon-button ${className}` : 'nc-icon-button'}
        {...rest}
      >
        {children}
      </button>
    </WithTooltip>
  );
}
