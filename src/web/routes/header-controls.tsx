import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MenuButton } from '../components/MenuButton';
import { type Session, currentTenantOf, useChangeLocale, useSignOut, useSwitchTenant } from '../features/session/session.api';
import { currentLocale, isLocale } from '../i18n';

/** 日本語 / English. Each name is written in its own language so everyone can find theirs. */
export function LanguageMenu() {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <MenuButton
      label={t('language.button')}
      icon={
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="currentColor">
          <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8ZM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3Zm.8 2h3a15.7 15.7 0 0 0 1.3 3.6A8 8 0 0 1 5.1 16Zm3-8h-3a8 8 0 0 1 4.3-3.6C8 5.5 7.6 6.7 7.9 8ZM12 20c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6Zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4Z" />
        </svg>
      }
      selectedId={currentLocale()}
      items={[
        { id: 'ja', label: '日本語', lang: 'ja' },
        { id: 'en', label: 'English', lang: 'en' },
      ]}
      onAction={(id) => {
        if (isLocale(id)) changeLocale.mutate(id);
      }}
    />
  );
}

/** For people in several tenants (an IT coordinator serving two municipalities). */
export function TenantSwitcher({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const switchTenant = useSwitchTenant();
  const navigate = useNavigate();
  const current = currentTenantOf(session);
  if (!current) return null;
  const nameOf = (tenant: Session['tenants'][number]) => (i18n.language === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name);
  if (session.tenants.length < 2) {
    return (
      <p className="px-3 text-oln-16N-100 text-solid-gray-800">
        <span className="sr-only">{t('tenant.current')}: </span>
        {nameOf(current)}
      </p>
    );
  }
  return (
    <MenuButton
      label={
        <>
          <span className="sr-only">{t('tenant.switch')}: </span>
          {nameOf(current)}
        </>
      }
      selectedId={current.id}
      items={session.tenants.map((tenant) => ({ id: tenant.id, label: `${nameOf(tenant)}（${t(`enums.role.${tenant.role}`)}）` }))}
      onAction={(id) => {
        if (id === current.id) return;
        switchTenant.mutate(id, { onSuccess: () => void navigate({ to: '/' }) });
      }}
    />
  );
}

export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!session.user) return null;
  return (
    <MenuButton
      label={
        <>
          <span className="sr-only">{t('userMenu.label')}: </span>
          {session.user.name}
        </>
      }
      icon={
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="currentColor">
          <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-4.4 0-8 2.2-8 5v1h16v-1c0-2.8-3.6-5-8-5Z" />
        </svg>
      }
      items={[
        { id: 'settings', label: t('userMenu.settings') },
        { id: 'sign-out', label: t('userMenu.signOut') },
      ]}
      onAction={(id) => {
        if (id === 'settings') void navigate({ to: '/settings' });
        if (id === 'sign-out') signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in', search: {} }) });
      }}
    />
  );
}
