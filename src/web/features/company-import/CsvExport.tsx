import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { FormField, SelectInput } from '../../components/FormField';
import { errorMessage } from '../../lib/errors';
import type { CompanyListParams } from '../companies/companies.api';
import { type CsvEncoding, downloadCompaniesCsv } from './company-import.api';

/** 「CSV出力」 with the list's current filters; UTF-8 (BOM) by default, Shift_JIS for older Excel. */
export function CsvExport({ filters }: { filters: Omit<CompanyListParams, 'cursor' | 'limit'> }) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const { sort: _sort, ...exportFilters } = filters;
  const download = useMutation({ mutationFn: () => downloadCompaniesCsv(exportFilters, encoding) });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FormField name="csvEncoding" label={t('companies.export.encoding')}>
        {(control) => (
          <SelectInput {...control} value={encoding} onChange={(event) => setEncoding(event.target.value as CsvEncoding)}>
            <option value="utf-8">{t('companies.export.utf8')}</option>
            <option value="cp932">{t('companies.export.cp932')}</option>
          </SelectInput>
        )}
      </FormField>
      <Button onClick={() => download.mutate()} isBusy={download.isPending}>
        {t('companies.export.download')}
      </Button>
      {download.isError ? (
        <p role="alert" className="w-full text-dns-16N-130 text-error-2">
          ＊{errorMessage(t, download.error)}
        </p>
      ) : null}
    </div>
  );
}
