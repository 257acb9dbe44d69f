import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { Button } from '../../components/Button';
import { FiscalYearSelect, fiscalYearsBetween } from '../../components/FiscalYearSelect';
import { FormField, SelectInput } from '../../components/FormField';
import { errorMessage } from '../../lib/errors';
import { type CaseExportEncoding, type CaseImportKind, downloadCaseExport } from './case-import.api';

/**
 * 「案件CSV」 and 「対応記録CSV」 in the layout the import reads back (for Excel, kintone or a move), with the
 * encoding (UTF-8 with BOM, or Shift_JIS for older Excel) and optionally one fiscal year.
 */
export function CaseCsvExport({ id, hidden }: { id: string; hidden: boolean }) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<CaseExportEncoding>('utf8');
  const currentYear = fiscalYearOf(new Date());
  const [fiscalYear, setFiscalYear] = useState<number | undefined>(undefined);
  const download = useMutation({ mutationFn: (kind: CaseImportKind) => downloadCaseExport(kind, encoding, fiscalYear) });
  return (
    <section id={id} hidden={hidden} aria-labelledby="case-csv-heading" className="mb-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <h2 id="case-csv-heading" className="text-std-20B-150">
        {t('caseExport.title')}
      </h2>
      <p className="mt-1 mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('caseExport.lead')}</p>
      <div className="flex flex-wrap items-end gap-4">
        <FormField name="caseCsvEncoding" label={t('caseExport.encoding')}>
          {(control) => (
            <SelectInput {...control} value={encoding} onChange={(event) => setEncoding(event.target.value as CaseExportEncoding)}>
              <option value="utf8">{t('caseExport.utf8')}</option>
              <option value="cp932">{t('caseExport.cp932')}</option>
            </SelectInput>
          )}
        </FormField>
        <FiscalYearSelect
          name="caseCsvFiscalYear"
          label={t('caseExport.fiscalYear')}
          years={fiscalYearsBetween(currentYear - 5, currentYear)}
          value={fiscalYear}
          onChange={setFiscalYear}
          anyLabel={t('caseExport.allYears')}
        />
      </div>
      <div className="mt-4 flex flex-wrap gap-4">
        <Button onClick={() => download.mutate('cases')} isBusy={download.isPending && download.variables === 'cases'}>
          {t('caseExport.cases')}
        </Button>
        <Button onClick={() => download.mutate('activities')} isBusy={download.isPending && download.variables === 'activities'}>
          {t('caseExport.activities')}
        </Button>
      </div>
      {download.isError ? (
        <p role="alert" className="mt-3 text-dns-16N-130 text-error-2">
          ＊{errorMessage(t, download.error)}
        </p>
      ) : null}
    </section>
  );
}
