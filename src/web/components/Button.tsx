import type { ComponentProps } from 'react';
import { type ButtonSize, type ButtonVariant, buttonClass } from './styles';

type ButtonProps = ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize; isBusy?: boolean };

/**
 * A DADS button. A busy or unavailable button stays focusable (aria-disabled, as DADS asks) and
 * ignores clicks, so keyboard users do not lose their place.
 */
export function Button({ variant = 'outline', size = 'md', className, isBusy, onClick, type = 'button', ...rest }: ButtonProps) {
  const unavailable = rest['aria-disabled'] === true || rest['aria-disabled'] === 'true' || isBusy;
  return (
    <button
      {...rest}
      type={type}
      aria-disabled={unavailable || undefined}
      aria-busy={isBusy || undefined}
      className={buttonClass(variant, size, className)}
      onClick={(event) => {
        if (unavailable) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
}
