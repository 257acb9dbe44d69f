import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/desk';
import { Badge } from '../../components/Feedback';
import { deskLabel } from './desk-labels';

const tones: Record<CaseStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  received: 'warning',
  in_progress: 'info',
  accompaniment: 'info',
  matching: 'info',
  paused: 'neutral',
  completed: 'success',
  withdrawn: 'neutral',
};

/** The status of a case, always in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{deskLabel(t, 'caseStatus', status)}</Badge>;
}
