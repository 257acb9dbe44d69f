import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type JsonBody, api, unwrap } from '../../api/client';
import { sessionQuery } from '../session/session.api';


/** After any step that may start or change a session, read the session again. */
function useRefreshSession() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    await queryClient.fetchQuery(sessionQuery);
  };
}

export function useSignIn() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/sign-in', 'post'>) => unwrap(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: async (result) => {
      if (result.status === 'signed_in') await refresh();
    },
  });
}

/** Completes a sign-in with a TOTP or backup code, or confirms a new authenticator while signed in. */
export function useVerifyTwoFactor() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/two-factor/verify', 'post'>) => unwrap(api.POST('/api/v1/auth/two-factor/verify', { body })),
    onSuccess: refresh,
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/password-reset/request', 'post'>) => unwrap(api.POST('/api/v1/auth/password-reset/request', { body })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/password-reset/confirm', 'post'>) => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/password', 'post'>) => unwrap(api.POST('/api/v1/auth/password', { body })),
  });
}

export function useEnableTwoFactor() {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/two-factor/enable', 'post'>) => unwrap(api.POST('/api/v1/auth/two-factor/enable', { body })),
  });
}

export function useDisableTwoFactor() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/auth/two-factor/enable', 'post'>) => unwrap(api.POST('/api/v1/auth/two-factor/disable', { body })),
    onSuccess: refresh,
  });
}
