import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ModalDialog } from '../../components/Dialog';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';

/**
 * A form in a dialog (a node, a milestone, a review…): the error summary at the top, the notice when
 * somebody saved first (with a way to load their version), and the buttons.
 */
export function PlanFormDialog({
  isOpen,
  onOpenChange,
  title,
  onSubmit,
  isSaving,
  submitLabel,
  summary,
  formError,
  attempt,
  conflict,
  onReload,
  children,
  lead,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void> | void;
  isSaving: boolean;
  submitLabel: string;
  summary: SummaryItem[];
  formError?: string;
  attempt: number;
  conflict?: boolean;
  onReload?: () => void;
  children: ReactNode;
  lead?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} wide>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {lead ? <div className="mb-6">{lead}</div> : null}
        {conflict ? (
          <Notice tone="error" title={t('plans.conflict.title')} live="assertive" className="mb-6">
            <p>{t('plans.conflict.body')}</p>
            {onReload ? (
              <Button variant="solid-fill" size="sm" className="mt-3" onClick={onReload}>
                {t('plans.conflict.reload')}
              </Button>
            ) : null}
          </Notice>
        ) : null}
        <ErrorSummary items={summary} message={conflict ? undefined : formError} focusKey={attempt} />
        <div className="space-y-6">{children}</div>
        <div className="mt-8 flex flex-wrap justify-end gap-4">
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" variant="solid-fill" isBusy={isSaving}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
