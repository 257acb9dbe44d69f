import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Notice } from './Notice';

/**
 * Somebody saved first (a 409 on an optimistic version): nothing was saved, and loading the latest version
 * replaces what was typed. `title` and `body` name the record where a page says more than the common words.
 */
export function ConflictNotice({ title, body, onReload, className = 'mb-6' }: { title?: string; body?: string; onReload?: () => void; className?: string }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" title={title ?? t('form.conflict.title')} live="assertive" className={className}>
      <p>{body ?? t('form.conflict.body')}</p>
      {onReload ? (
        <Button variant="solid-fill" size="sm" className="mt-3" onClick={onReload}>
          {t('form.conflict.reload')}
        </Button>
      ) : null}
    </Notice>
  );
}
