import type { Key, ReactNode } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';

export interface MenuChoice {
  id: string;
  label: ReactNode;
  /** The language of the label when it differs from the page (「English」 on a Japanese page). */
  lang?: string;
}

/**
 * A header menu button (react-aria Menu: arrow keys move, Escape closes and focus returns to the
 * button). With `selectedId` it is a single-choice menu (language, tenant) and marks the current one.
 */
export function MenuButton({
  label,
  icon,
  items,
  onAction,
  selectedId,
  ariaLabel,
}: {
  label: ReactNode;
  icon?: ReactNode;
  items: MenuChoice[];
  onAction: (id: string) => void;
  selectedId?: string;
  ariaLabel?: string;
}) {
  return (
    <MenuTrigger>
      <AriaButton
        aria-label={ariaLabel}
        className="inline-flex min-h-11 items-center gap-2 rounded-8 px-3 py-2 text-oln-16N-100 text-solid-gray-900 hover:bg-solid-gray-50 hover:underline underline-offset-[calc(3/16*1rem)] data-[focus-visible]:outline data-[focus-visible]:outline-4 data-[focus-visible]:outline-black data-[focus-visible]:outline-offset-[calc(2/16*1rem)] data-[focus-visible]:ring-[calc(2/16*1rem)] data-[focus-visible]:ring-yellow-300"
      >
        {icon}
        <span>{label}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
          <path d="M8 11.5 2.5 6l1-1L8 9.5 12.5 5l1 1L8 11.5Z" />
        </svg>
      </AriaButton>
      <Popover placement="bottom end" className="min-w-56 rounded-8 border border-solid-gray-420 bg-white py-2 shadow-4 outline-none forced-colors:border-[CanvasText]">
        <Menu
          className="outline-none"
          onAction={(key: Key) => onAction(String(key))}
          {...(selectedId ? { selectionMode: 'single' as const, selectedKeys: [selectedId], disallowEmptySelection: true } : {})}
        >
          {items.map((item) => (
            <MenuItem
              key={item.id}
              id={item.id}
              lang={item.lang}
              textValue={typeof item.label === 'string' ? item.label : item.id}
              className="flex min-h-11 cursor-pointer items-center gap-3 px-4 py-2 text-std-16N-170 text-solid-gray-900 outline-none data-[focused]:bg-blue-50 data-[focused]:underline data-[focus-visible]:outline data-[focus-visible]:outline-4 data-[focus-visible]:-outline-offset-4 data-[focus-visible]:outline-black forced-colors:data-[focused]:bg-[Highlight] forced-colors:data-[focused]:text-[HighlightText]"
            >
              {({ isSelected }) => (
                <>
                  <span aria-hidden="true" className="w-4 text-blue-900">
                    {isSelected ? '✓' : ''}
                  </span>
                  <span>{item.label}</span>
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
