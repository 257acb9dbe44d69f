import { createLink } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { type ButtonSize, type ButtonVariant, buttonClass, linkStyle } from './styles';

function StyledAnchor({ className, ...props }: ComponentProps<'a'>) {
  return <a {...props} className={`${linkStyle} ${className ?? ''}`} />;
}

function ButtonAnchor({ className, variant, size, ...props }: ComponentProps<'a'> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <a {...props} className={buttonClass(variant ?? 'outline', size ?? 'md', className)} />;
}

/** An in-app link styled as a DADS link (typed routes, like the router's Link). */
export const TextLink = createLink(StyledAnchor);

/** An in-app link that looks like a button (e.g. 「新規登録」): it navigates, so it stays a link. */
export const ButtonLink = createLink(ButtonAnchor);
