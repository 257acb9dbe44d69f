import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setRequestContext, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { type Locale, applyLocale, rememberLocale } from '../../i18n';

export type Session = components['schemas']['SessionInfo'];
export type TenantMembership = components['schemas']['TenantMembership'];

/** The tenant requests are made for: the session's current one, else the first membership. */
export function currentTenantOf(session: Session): TenantMembership | null {
  return session.tenants.find((tenant) => tenant.id === session.currentTenantId) ?? session.tenants[0] ?? null;
}

/**
 * Who is signed in. Reading it also primes the API client with the CSRF token and tenant, before any
 * other query of the page runs (they all wait for the session in the route guard).
 */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const session = await unwrap(api.GET('/api/v1/auth/session'));
    setRequestContext({ csrfToken: session.csrfToken, tenantId: currentTenantOf(session)?.id ?? null });
    // A signed-in person's language is kept on the server; it wins over this browser's last choice.
    if (session.user) await applyLocale(session.user.locale);
    return session;
  },
  staleTime: 5 * 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Signs out and forgets every cached answer (they belonged to the person who left). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sign-out')),
    onSettled: async () => {
      queryClient.clear();
      await queryClient.fetchQuery(sessionQuery);
    },
  });
}

/** Changes the UI language: on the server when signed in, in this browser otherwise. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      rememberLocale(locale);
      const session = queryClient.getQueryData(sessionQuery.queryKey);
      if (session?.user) {
        await unwrap(api.PUT('/api/v1/me/preferences', { body: { locale } }));
        queryClient.setQueryData(sessionQuery.queryKey, { ...session, user: { ...session.user, locale } });
      }
    },
  });
}

/** Switches to another tenant; every tenant-scoped answer in the cache is then stale. */
export function useSwitchTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) => unwrap(api.PUT('/api/v1/me/current-tenant', { body: { tenantId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      await queryClient.fetchQuery(sessionQuery);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'reference' });
    },
  });
}

/** The signed-in person's role in the current tenant (what the UI offers; the server decides again). */
export function useCurrentRole(): TenantMembership['role'] | undefined {
  const { data: session } = useSession();
  return session ? currentTenantOf(session)?.role : undefined;
}
