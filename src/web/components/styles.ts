/**
 * Class names shared by the DADS-styled components (from the Digital Agency's example components:
 * the focus indicator is a 4px black outline with a yellow ring; links are blue-1000 and underlined).
 */
export const focusRing =
  'focus-visible:outline focus-visible:outline-4 focus-visible:outline-black focus-visible:outline-offset-[calc(2/16*1rem)] focus-visible:ring-[calc(2/16*1rem)] focus-visible:ring-yellow-300';

export const linkStyle =
  'text-blue-1000 underline underline-offset-[calc(3/16*1rem)] hover:decoration-[calc(3/16*1rem)] visited:text-magenta-900 active:text-orange-800 ' +
  'focus-visible:rounded-4 focus-visible:bg-yellow-300 focus-visible:text-blue-1000 ' +
  focusRing;

export type ButtonVariant = 'solid-fill' | 'outline' | 'text' | 'danger';
export type ButtonSize = 'lg' | 'md' | 'sm';

const base =
  'inline-flex items-center justify-center gap-2 text-center underline-offset-[calc(3/16*1rem)] ' +
  focusRing +
  ' aria-disabled:pointer-events-none aria-disabled:cursor-not-allowed aria-disabled:forced-colors:border-[GrayText] aria-disabled:forced-colors:text-[GrayText]';

const variants: Record<ButtonVariant, string> = {
  'solid-fill':
    'border-4 border-double border-transparent bg-blue-900 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 aria-disabled:bg-solid-gray-300 aria-disabled:text-solid-gray-50 forced-colors:border-[ButtonText]',
  outline:
    'border border-current bg-white text-blue-900 hover:bg-blue-200 hover:text-blue-1000 hover:underline active:bg-blue-300 active:text-blue-1200 aria-disabled:text-solid-gray-300',
  text: 'text-blue-900 underline hover:bg-blue-50 hover:text-blue-1000 hover:decoration-[calc(3/16*1rem)] active:bg-blue-100 focus-visible:bg-yellow-300 aria-disabled:text-solid-gray-300',
  danger:
    'border-4 border-double border-transparent bg-error-2 text-white hover:bg-red-1000 hover:underline active:bg-red-1100 aria-disabled:bg-solid-gray-300 forced-colors:border-[ButtonText]',
};

// Every size keeps a target of at least 44×44 px (WCAG 2.5.8 / DADS).
const sizes: Record<ButtonSize, string> = {
  lg: 'min-w-[calc(136/16*1rem)] min-h-14 rounded-8 px-4 py-3 text-oln-16B-100',
  md: 'min-w-24 min-h-12 rounded-8 px-4 py-2 text-oln-16B-100',
  sm: 'min-w-20 min-h-11 rounded-6 px-3 py-1 text-oln-16B-100',
};

export function buttonClass(variant: ButtonVariant = 'outline', size: ButtonSize = 'md', extra = ''): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${extra}`;
}

export const inputClass =
  'w-full max-w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 min-h-14 ' +
  'hover:border-black aria-[invalid=true]:border-error-1 aria-[invalid=true]:hover:border-red-1000 ' +
  'focus:outline focus:outline-4 focus:outline-black focus:outline-offset-[calc(2/16*1rem)] focus:ring-[calc(2/16*1rem)] focus:ring-yellow-300 ' +
  'read-only:border-dashed';
