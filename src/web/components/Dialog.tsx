import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * A modal dialog (react-aria: focus is trapped inside and returns to the opener on close; Escape
 * closes). DADS ModalDialog look.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  wide = false,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="fixed inset-0 z-50 flex items-center justify-center bg-opacity-gray-500 p-4">
      <Modal className={`max-h-[90vh] w-full overflow-y-auto rounded-16 bg-white shadow-8 forced-colors:border-2 forced-colors:border-[CanvasText] ${wide ? 'max-w-3xl' : 'max-w-xl'}`}>
        <AriaDialog role={role} className="p-6 outline-none sm:p-8">
          <Heading slot="title" className="text-std-24B-150 text-solid-gray-900">
            {title}
          </Heading>
          <div className="mt-4 text-std-16N-170 text-solid-gray-800">{children}</div>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Asks before an action that changes a record's state (archive, remove a member…). */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  isBusy,
  tone = 'primary',
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isBusy?: boolean;
  tone?: 'primary' | 'danger';
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      {children}
      <div className="mt-8 flex flex-wrap justify-end gap-4">
        <Button variant="outline" onClick={() => onOpenChange(false)}>
          {t('actions.cancel')}
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'solid-fill'} isBusy={isBusy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
