import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { focusRing } from './styles';

export interface MenuChoice {
  id: string;
  label: ReactNode;
  /** The language of the label when it differs from the page (「English」 on a Japanese page). */
  lang?: string;
}

/**
 * A header menu as a disclosure (WAI-ARIA APG "disclosure navigation menu"): a button with
 * aria-expanded that shows a list of ordinary buttons. Tab moves through them, Escape closes and
 * returns focus to the button, and leaving the menu closes it. This keeps react-aria (and its
 * weight) out of the first page load; dialogs, which need focus trapping, still use it.
 * With `selectedId` the current choice is marked (aria-current) and with a check mark.
 */
export function MenuButton({
  label,
  icon,
  items,
  onAction,
  selectedId,
}: {
  label: ReactNode;
  icon?: ReactNode;
  items: MenuChoice[];
  onAction: (id: string) => void;
  selectedId?: string;
}) {
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [isOpen]);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen((open) => !open)}
        className={`inline-flex min-h-11 items-center gap-2 rounded-8 px-3 py-2 text-oln-16N-100 text-solid-gray-900 underline-offset-[calc(3/16*1rem)] hover:bg-solid-gray-50 hover:underline ${focusRing}`}
      >
        {icon}
        <span>{label}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 ${isOpen ? 'rotate-180' : ''}`} fill="currentColor">
          <path d="M8 11.5 2.5 6l1-1L8 9.5 12.5 5l1 1L8 11.5Z" />
        </svg>
      </button>
      <ul
        id={listId}
        hidden={!isOpen}
        className="absolute right-0 z-40 mt-1 min-w-56 rounded-8 border border-solid-gray-420 bg-white py-2 shadow-4 forced-colors:border-[CanvasText]"
      >
        {items.map((item) => {
          const isSelected = item.id === selectedId;
          return (
            <li key={item.id}>
              <button
                type="button"
                lang={item.lang}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => {
                  setOpen(false);
                  buttonRef.current?.focus();
                  onAction(item.id);
                }}
                className={`flex min-h-11 w-full items-center gap-3 px-4 py-2 text-start text-std-16N-170 text-solid-gray-900 hover:bg-blue-50 hover:underline ${focusRing} focus-visible:-outline-offset-4`}
              >
                <span aria-hidden="true" className="w-4 text-blue-900">
                  {isSelected ? '✓' : ''}
                </span>
                <span className={isSelected ? 'font-bold' : ''}>{item.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
