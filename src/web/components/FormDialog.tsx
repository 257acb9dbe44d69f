import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ConflictNotice } from './ConflictNotice';
import { ModalDialog } from './Dialog';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';

/**
 * A form in a dialog (edit a case, record an activity, a node, a milestone, a review…): what the form is about
 * (`lead`), the conflict notice when somebody saved first (with a way to load their version), the error summary,
 * the fields and the buttons.
 */
export function FormDialog({
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
  conflictTitle,
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
  conflictTitle?: string;
  onReload?: () => void;
  children: ReactNode;
  lead?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} wide>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {lead ? <div className="mb-6">{lead}</div> : null}
        {conflict ? <ConflictNotice title={conflictTitle} onReload={onReload} /> : null}
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
