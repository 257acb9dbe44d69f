import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Code tables change only with a new release: keep them for the whole visit. */
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function usePrefectures() {
  return useQuery({ queryKey: ['reference', 'prefectures'], queryFn: () => unwrap(api.GET('/api/v1/reference/prefectures')), ...forever });
}

export function useMunicipalities(prefectureCode: string | null | undefined) {
  return useQuery({
    queryKey: ['reference', 'municipalities', prefectureCode],
    queryFn: () => unwrap(api.GET('/api/v1/reference/municipalities', { params: { query: { prefectureCode: prefectureCode ?? '' } } })),
    enabled: Boolean(prefectureCode),
    ...forever,
  });
}

export function useJsic() {
  return useQuery({ queryKey: ['reference', 'jsic'], queryFn: () => unwrap(api.GET('/api/v1/reference/jsic')), ...forever });
}
