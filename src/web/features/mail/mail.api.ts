import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type MailMessage = components['schemas']['MailMessage'];

export function useMailMessages(cursor: string | undefined) {
  return useQuery({
    queryKey: ['mail', cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/mail-messages', { params: { query: { cursor, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}
